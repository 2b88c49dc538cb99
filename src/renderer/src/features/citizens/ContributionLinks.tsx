import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { modals } from '@mantine/modals'
import { IconBulb } from '@tabler/icons-react'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { ContributionDetail } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'

/** The mairie's own organisation: a project, a référentiel theme, the original it repeats — kept here, never sent. */
export function ContributionLinks({ item }: { item: ContributionDetail }) {
  const { t } = useTranslation()
  const link = useApiMutation('citizens.link', { failure: 'notification' })
  const projects = useApiQuery('projects.list', { sort: 'title', pageSize: 200 })
  const referentiel = useApiQuery('referentiel.get', {})
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const candidates = useApiQuery('citizens.duplicateCandidates', { id: item.id, search: debounced }, { placeholderData: keepPreviousData })

  const projectOptions = (projects.data?.items ?? []).map((project) => ({ value: String(project.id), label: project.title }))
  if (item.project && !projectOptions.some((option) => option.value === String(item.project!.id)))
    projectOptions.unshift({ value: String(item.project.id), label: item.project.title })
  const themeOptions = (referentiel.data?.domains ?? []).map((domain) => ({
    group: domain.title,
    items: domain.themes.map((theme) => ({ value: theme.id, label: theme.title })),
  }))
  const duplicateOptions = (candidates.data?.items ?? []).map((candidate) => ({ value: String(candidate.id), label: candidate.title }))
  if (item.duplicateOf && !duplicateOptions.some((option) => option.value === String(item.duplicateOf!.id)))
    duplicateOptions.unshift({ value: String(item.duplicateOf.id), label: item.duplicateOf.title })

  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t('citizens.links.help')}
      </Text>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Select
          label={t('citizens.links.project')}
          placeholder={t('citizens.links.noProject')}
          searchable
          clearable
          nothingFoundMessage={t('citizens.links.noProjectFound')}
          data={projectOptions}
          value={item.project ? String(item.project.id) : null}
          onChange={(value) => link.mutate({ id: item.id, projectId: value === null ? null : Number(value) })}
          style={{ flex: 1 }}
          comboboxProps={{ withinPortal: true }}
        />
        {item.project && (
          <Anchor component={Link} to={`/projets/${item.project.id}`} size="sm" pb={8} style={{ whiteSpace: 'nowrap' }}>
            {t('citizens.links.openProject')}
          </Anchor>
        )}
      </Group>
      {item.kind === 'proposition' && !item.project && <TransformButton item={item} />}
      <Select
        label={t('citizens.links.theme')}
        placeholder={t('citizens.links.noTheme')}
        searchable
        clearable
        data={themeOptions}
        value={item.themeId}
        onChange={(value) => link.mutate({ id: item.id, themeId: value })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('citizens.links.duplicateOf')}
        description={
          item.duplicates.length > 0 ? t('citizens.links.isOriginal', { count: item.duplicates.length }) : t('citizens.links.duplicateHelp')
        }
        placeholder={t('citizens.links.searchDuplicate')}
        searchable
        clearable
        filter={({ options }) => options}
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={t('citizens.links.noDuplicateFound')}
        data={duplicateOptions}
        value={item.duplicateOf ? String(item.duplicateOf.id) : null}
        onChange={(value) => {
          link.mutate({ id: item.id, duplicateOfId: value === null ? null : Number(value) })
          setSearch('')
        }}
        disabled={item.duplicates.length > 0}
        comboboxProps={{ withinPortal: true }}
      />
      {item.duplicates.length > 0 && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('citizens.links.duplicatesList', { list: item.duplicates.map((duplicate) => `« ${duplicate.title} »`).join(', ') })}
        </Text>
      )}
    </Stack>
  )
}

/** « Transformer en projet »: asks first, creates the project, then opens it. */
function TransformButton({ item }: { item: ContributionDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const transform = useApiMutation('citizens.transform', { success: t('citizens.links.transformed') })
  return (
    <Stack gap={4}>
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconBulb size={16} aria-hidden />}
          loading={transform.isPending}
          onClick={() =>
            modals.openConfirmModal({
              title: t('citizens.links.transformTitle'),
              children: <Text size="sm">{t('citizens.links.transformText')}</Text>,
              labels: { confirm: t('citizens.links.transformConfirm'), cancel: t('common.cancel') },
              // The promise, not mutate's own onSuccess: that one is dropped when the refreshed panel no longer shows this
              // button (the proposal now has its project) before the callback runs.
              onConfirm: () =>
                void transform
                  .mutateAsync({ id: item.id })
                  .then((made) => navigate(`/projets/${made.projectId}`))
                  .catch(() => undefined),
            })
          }
        >
          {t('citizens.links.transform')}
        </Button>
      </Group>
      <FormError message={transform.error?.message ?? null} />
    </Stack>
  )
}
