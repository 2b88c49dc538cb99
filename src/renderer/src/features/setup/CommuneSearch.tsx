import { Combobox, Group, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DirectoryCommune } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { useDiscardGuard } from '../../components/GuardedModal'
import { formatPopulation } from '../../lib/format'

/** How many communes the list shows; one more is asked for, to say when there are others. */
const SHOWN = 12

/**
 * Finds a commune by name (accents, case and hyphens do not matter, the département may follow), postal code or
 * INSEE code, offline.
 */
export function CommuneSearch({ onChoose, autoFocus }: { onChoose(commune: DirectoryCommune): void; autoFocus?: boolean }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  // In a dialog (Paramètres › « Changer de commune »), closing it with a search typed asks first.
  useDiscardGuard(query.trim() !== '', () => undefined)
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() })
  const searchable = deferredQuery.trim().length >= 2
  const results = useApiQuery(
    'directory.searchCommunes',
    { query: deferredQuery, limit: SHOWN + 1 },
    { enabled: searchable, placeholderData: keepPreviousData, staleTime: Infinity },
  )
  const found = searchable ? (results.data ?? []) : []
  const communes = found.slice(0, SHOWN)
  const typedCode = deferredQuery.trim().toUpperCase()

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(inseeCode) => {
        const chosen = communes.find((c) => c.inseeCode === inseeCode)
        if (chosen) {
          onChoose(chosen)
          setQuery('')
          combobox.closeDropdown()
        }
      }}
    >
      <Combobox.Target>
        <TextInput
          label={t('setup.commune.searchLabel')}
          description={t('setup.commune.searchHelp')}
          placeholder={t('setup.commune.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={results.isFetching ? <Loader size={16} /> : null}
          value={query}
          autoFocus={autoFocus}
          size="md"
          onChange={(event) => {
            setQuery(event.currentTarget.value)
            combobox.openDropdown()
            combobox.updateSelectedOptionIndex()
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          error={results.error?.message}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searchable}>
        {found.length > SHOWN && (
          <Combobox.Header>
            <Text size="sm" c="dimmed" role="note">
              {t('setup.commune.more', { count: SHOWN })}
            </Text>
          </Combobox.Header>
        )}
        <Combobox.Options mah={300} style={{ overflowY: 'auto' }} aria-label={t('setup.commune.results')}>
          {communes.length === 0 && !results.isFetching ? (
            <Combobox.Empty>{t('setup.commune.noResult', { query: deferredQuery.trim() })}</Combobox.Empty>
          ) : (
            communes.map((commune) => (
              <Combobox.Option value={commune.inseeCode} key={commune.inseeCode}>
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0}>
                    <Text fw={600}>{commune.name}</Text>
                    <Text size="sm" c="dimmed">
                      {commune.departementName} ({commune.departementCode}) · {commune.postalCodes.join(', ')}
                      {/* Found on its INSEE code, which is not among its postal codes: say why it is listed. */}
                      {commune.inseeCode === typedCode && ` · ${t('setup.commune.inseeCode', { code: commune.inseeCode })}`}
                    </Text>
                  </Stack>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatPopulation(commune.population)}
                  </Text>
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  )
}
