import { Badge, Group, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { MethodOutput } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import classes from './SearchDialog.module.css'

type SearchGroup = MethodOutput<'search.query'>['groups'][number]

/** How many hits of each kind are listed; one more is asked for, to say when there are others. */
const SHOWN_PER_KIND = 6

/** One search box for everything (Ctrl+K): projects, tasks, comments, the référentiel and people. */
export function SearchDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const deferred = useDeferredValue(query)
  const results = useApiQuery(
    'search.query',
    { query: deferred, limit: SHOWN_PER_KIND + 1 },
    { enabled: opened && deferred.trim().length >= 2, placeholderData: keepPreviousData },
  )
  const groups: (SearchGroup & { more: boolean; first: number })[] = []
  let first = 0
  for (const group of deferred.trim().length >= 2 ? (results.data?.groups ?? []) : []) {
    const shown = group.hits.slice(0, SHOWN_PER_KIND)
    // `first`: the index of the group's first hit among all those listed (for the arrow keys).
    groups.push({ ...group, hits: shown, more: group.hits.length > SHOWN_PER_KIND, first })
    first += shown.length
  }
  const hits = groups.flatMap((g) => g.hits)

  function open(path: string) {
    onClose()
    setQuery('')
    void navigate(path)
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('search.title')} size="lg" yOffset="8vh">
      <TextInput
        data-autofocus
        leftSection={<IconSearch size={16} />}
        rightSection={results.isFetching ? <Loader size={14} /> : null}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive((a) => Math.min(a + 1, hits.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter' && hits[active]) {
            e.preventDefault()
            open(hits[active].path)
          }
        }}
      />
      <Stack gap="sm" mt="md" role="listbox" aria-label={t('search.results')}>
        {deferred.trim().length >= 2 && results.data && hits.length === 0 && <Text c="dimmed">{t('search.none', { query: deferred })}</Text>}
        {groups.map((group) => (
          <Stack key={group.kind} gap={2} role="group" aria-label={t(`search.kinds.${group.kind}`)}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t(`search.kinds.${group.kind}`)}
            </Text>
            {group.hits.map((hit, i) => {
              const mine = group.first + i
              return (
                <UnstyledButton
                  key={`${hit.kind}-${hit.id}`}
                  className={classes.hit}
                  data-active={mine === active}
                  role="option"
                  aria-selected={mine === active}
                  onClick={() => open(hit.path)}
                  onMouseEnter={() => setActive(mine)}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} lineClamp={1}>
                        {hit.title}
                      </Text>
                      {hit.excerpt && hit.excerpt !== hit.title && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {hit.excerpt}
                        </Text>
                      )}
                    </Stack>
                    <Badge size="xs" variant="light" tt="none" style={{ flexShrink: 0 }}>
                      {t(`search.badges.${hit.kind}`)}
                    </Badge>
                  </Group>
                </UnstyledButton>
              )
            })}
            {group.more && (
              <Text size="xs" c="dimmed" px="sm" role="note">
                {t('search.more')}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Modal>
  )
}

/** Ctrl+K (Cmd+K on a Mac) opens the search from anywhere. */
export function useSearchHotkey(open: () => void): void {
  useHotkeys([['mod+K', open]], [])
}
