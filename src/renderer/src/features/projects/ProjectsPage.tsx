import { Badge, Button, Group, Loader, MultiSelect, Pagination, Paper, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react'
import { keepPreviousData } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { PRIORITY_LABELS, PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { saveReceivedFile } from '../../lib/files'
import { formatDate } from '../../lib/format'
import { formatCents } from '../../lib/money'
import { PRIORITY_COLORS, projectPath, STATUS_COLORS } from './labels'
import { GuardedModal } from '../../components/GuardedModal'
import { emptyProject, ProjectForm } from './ProjectForm'

const PAGE_SIZE = 25
const SORTS = ['updated', 'title', 'priority', 'endOn', 'status'] as const

async function exportProjects(format: 'xlsx' | 'csv') {
  try {
    saveReceivedFile(await call('exports.projects', { format }))
  } catch (error) {
    notifications.show({ color: 'red', title: 'L’export n’a pas abouti', message: errorMessage(error) })
  }
}

/** The projects of the mandate: filter, sort, open one, create one. */
export function ProjectsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [statuses, setStatuses] = useState<ProjectStatus[]>([])
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<(typeof SORTS)[number]>('updated')
  const [page, setPage] = useState(1)
  const [creating, setCreating] = useState(false)
  const create = useApiMutation('projects.create')
  const deferredQuery = useDeferredValue(query)
  const list = useApiQuery(
    'projects.list',
    { status: statuses, query: deferredQuery, sort, page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  )

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={1}>{t('projects.title')}</Title>
        <Group>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => exportProjects('xlsx')}>
            {t('projects.exportXlsx')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => exportProjects('csv')}>
            {t('projects.exportCsv')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('projects.new')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('projects.search')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            setPage(1)
          }}
          style={{ flex: 1 }}
        />
        <MultiSelect
          label={t('projects.fields.status')}
          data={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
          value={statuses}
          onChange={(value) => {
            setStatuses(value as ProjectStatus[])
            setPage(1)
          }}
          placeholder={t('projects.allStatuses')}
          clearable
          w={280}
        />
        <Select
          label={t('projects.sort')}
          data={SORTS.map((s) => ({ value: s, label: t(`projects.sorts.${s}`) }))}
          value={sort}
          onChange={(v) => v && setSort(v as (typeof SORTS)[number])}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {list.isError && <FormError message={list.error.message} />}
      {!list.data ? (
        <Loader />
      ) : list.data.total === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text>{query || statuses.length ? t('projects.noMatch') : t('projects.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover aria-label={t('projects.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('projects.fields.title')}</Table.Th>
                  <Table.Th>{t('projects.fields.status')}</Table.Th>
                  <Table.Th>{t('projects.fields.priority')}</Table.Th>
                  <Table.Th>{t('projects.fields.referent')}</Table.Th>
                  <Table.Th>{t('projects.fields.endOn')}</Table.Th>
                  <Table.Th ta="right">{t('projects.fields.planned')}</Table.Th>
                  <Table.Th>{t('projects.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((project) => (
                  <Table.Tr key={project.id} style={{ cursor: 'pointer' }} onClick={() => navigate(projectPath(project.id))}>
                    <Table.Td maw={360}>
                      <Text component={Link} to={projectPath(project.id)} fw={600} size="sm" lineClamp={2} onClick={(e) => e.stopPropagation()}>
                        {project.title}
                      </Text>
                      {project.overdueTasks > 0 && (
                        <Text size="xs" c="red.8">
                          {t('projects.overdue', { count: project.overdueTasks })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[project.status]} variant="light" tt="none">
                        {PROJECT_STATUS_LABELS[project.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={PRIORITY_COLORS[project.priority]} variant="dot" tt="none">
                        {PRIORITY_LABELS[project.priority]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{project.referentName ?? '—'}</Table.Td>
                    <Table.Td>{project.endOn ? formatDate(project.endOn) : '—'}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatCents(project.budgetPlannedCents)}
                    </Table.Td>
                    <Table.Td w={140}>
                      {project.progress === null ? (
                        <Text size="xs" c="dimmed">
                          {t('projects.noTasks')}
                        </Text>
                      ) : (
                        <Group gap={6} wrap="nowrap">
                          <Progress value={project.progress} w={80} aria-hidden />
                          <Text size="xs">{Math.round(project.progress)} %</Text>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('projects.count', { count: list.data.total })}
          </Text>
          <Pagination total={Math.ceil(list.data.total / PAGE_SIZE)} value={page} onChange={setPage} aria-label={t('projects.pages')} />
        </Group>
      )}
      <GuardedModal opened={creating} onClose={() => setCreating(false)} title={t('projects.new')} size="xl">
        {creating && (
          <ProjectForm
            initial={emptyProject()}
            submitLabel={t('projects.create')}
            onCancel={() => setCreating(false)}
            onSubmit={async (values) => {
              const project = await create.mutateAsync(values)
              setCreating(false)
              void navigate(projectPath(project.id))
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  )
}
