import { Anchor, Badge, Breadcrumbs, Button, Group, Loader, Paper, Progress, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core'
import { upperFirst } from '@mantine/hooks'
import { IconFileTypePdf, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { PRIORITY_LABELS, PROJECT_STATUS_LABELS } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { RemoveButton } from '../../components/RemoveButton'
import { GuardedModal } from '../../components/GuardedModal'
import { FormError } from '../../components/FormError'
import { formatPeriod } from '../../lib/format'
import { AuditTable } from '../audit/AuditTable'
import { ProjectPortalPanel } from '../publications/ProjectPortalPanel'
import { ActionsPanel } from './ActionsPanel'
import { BudgetPanel } from './BudgetPanel'
import { ExchangesPanel } from './ExchangesPanel'
import { IndicatorsPanel } from './IndicatorsPanel'
import { PRIORITY_COLORS, STATUS_COLORS } from './labels'
import { ParticipantsPanel } from './ParticipantsPanel'
import { ProjectForm, projectValues } from './ProjectForm'

/** The page's tabs, as written in its address (`?onglet=portail`); no `onglet` is the first. */
const TABS = ['actions', 'budget', 'indicateurs', 'participants', 'echanges', 'portail', 'historique'] as const
type ProjectTab = (typeof TABS)[number]
const FIRST_TAB: ProjectTab = 'actions'

function tabOf(value: string | null): ProjectTab {
  return TABS.find((tab) => tab === value) ?? FIRST_TAB
}

/** One project: its plan, its money, its impact, who takes part, what was said, and every change made. */
export function ProjectPage() {
  const params = useParams()
  const id = Number(params.projectId)
  // Another project (a search result, a link) starts afresh: its own tabs, dialogs and drafts, nothing of the last one.
  return <ProjectView key={id} id={id} />
}

function ProjectView({ id }: { id: number }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [searchParams, setSearchParams] = useSearchParams()
  const project = useApiQuery('projects.get', { id })
  const referentiel = useApiQuery('referentiel.get', {})
  const session = useApiQuery('session.get', {})
  const [editing, setEditing] = useState(false)
  const update = useApiMutation('projects.update')
  // Leave the page first: refreshed here, the removed project would show as not found.
  const remove = useApiMutation('projects.remove', { beforeRefresh: () => navigate('/projets') })
  const [auditPage, setAuditPage] = useState(1)
  const openTaskId = searchParams.get('tache') ? Number(searchParams.get('tache')) : null
  // The tab is the address's: a link to this project with another ?onglet= switches it, and a click on a tab writes it.
  const tab = tabOf(searchParams.get('onglet'))
  // The tabs with a form are mounted the first time they are shown, then kept: nothing is read for a tab never opened.
  const [visited, setVisited] = useState(() => new Set<ProjectTab>([tab]))
  // Set while rendering (React's way for state that follows a change): a tab the address switches to is mounted at once.
  if (!visited.has(tab)) setVisited(new Set(visited).add(tab))
  function showTab(value: string | null) {
    const next = tabOf(value)
    if (value === null || next === tab) return
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current)
        // The task a link opened (?tache=) was for that visit: coming back to the actions does not open it again.
        params.delete('tache')
        if (next === FIRST_TAB) params.delete('onglet')
        else params.set('onglet', next)
        return params
      },
      { replace: true },
    )
  }

  if (project.isError) return <FormError message={project.error.message} />
  if (!project.data) return <Loader />
  const p = project.data
  const domain = referentiel.data?.domains.find((d) => d.id === p.domainId)
  const themes = referentiel.data?.domains.flatMap((d) => d.themes).filter((th) => p.themeIds.includes(th.id)) ?? []
  const criteria = referentiel.data?.domains.flatMap((d) => d.themes.flatMap((th) => th.criteria)).filter((c) => p.criterionIds.includes(c.id)) ?? []

  return (
    <Stack maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/projets">
          {t('projects.title')}
        </Anchor>
        <Text lineClamp={1}>{p.title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {p.title}
          </Title>
          <Group gap="xs">
            <Badge color={STATUS_COLORS[p.status]} variant="light" tt="none">
              {PROJECT_STATUS_LABELS[p.status]}
            </Badge>
            <Badge color={PRIORITY_COLORS[p.priority]} variant="dot" tt="none">
              {t('projects.priority', { priority: PRIORITY_LABELS[p.priority] })}
            </Badge>
            {domain && (
              <Badge variant="outline" color="gray" tt="none">
                {domain.title}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
          <Button variant="default" leftSection={<IconFileTypePdf size={16} />} component={Link} to={`/rapports?projet=${p.id}`}>
            {t('projects.sheetPdf')}
          </Button>
          {session.data?.profile?.isAdmin && (
            <RemoveButton
              removal={{
                title: t('projects.removeTitle'),
                message: t('projects.removeConfirm', { title: p.title }),
                remove: () => remove.mutateAsync({ id: p.id }),
              }}
            >
              {t('common.remove')}
            </RemoveButton>
          )}
        </Group>
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('projects.fields.referent')}
            </Text>
            <Text>{p.referentName ?? '—'}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('projects.dates')}
            </Text>
            <Text>{upperFirst(formatPeriod(p.startOn, p.endOn))}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('projects.progress')}
            </Text>
            {p.progress === null ? (
              <Text c="dimmed">{t('projects.noTasks')}</Text>
            ) : (
              <Group gap={6}>
                <Progress value={p.progress} w={100} aria-hidden />
                <Text>{Math.round(p.progress)} %</Text>
              </Group>
            )}
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('projects.tasksLeft')}
            </Text>
            <Text c={p.overdueTasks > 0 ? 'red.8' : undefined}>
              {t('projects.openTasks', { count: p.openTasks })}
              {p.overdueTasks > 0 ? ` · ${t('projects.overdue', { count: p.overdueTasks })}` : ''}
            </Text>
          </Stack>
        </SimpleGrid>
        {p.description && (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {p.description}
          </Text>
        )}
        {(themes.length > 0 || criteria.length > 0) && (
          <Stack gap={4} mt="md">
            {themes.length > 0 && (
              <Text size="sm">
                <Text span fw={600}>
                  {t('projects.fields.themes')} :
                </Text>{' '}
                {themes.map((th) => th.title).join(', ')}
              </Text>
            )}
            {criteria.map((c) => (
              <Text key={c.id} size="sm" c="dimmed">
                ↳ {c.question}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
      <Tabs value={tab} onChange={showTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="actions">{t('projects.tabs.actions')}</Tabs.Tab>
          <Tabs.Tab value="budget">{t('projects.tabs.budget')}</Tabs.Tab>
          <Tabs.Tab value="indicateurs">{t('projects.tabs.indicators')}</Tabs.Tab>
          <Tabs.Tab value="participants">{t('projects.tabs.participants')}</Tabs.Tab>
          <Tabs.Tab value="echanges">{t('projects.tabs.exchanges')}</Tabs.Tab>
          <Tabs.Tab value="portail">{t('projects.tabs.portal')}</Tabs.Tab>
          <Tabs.Tab value="historique">{t('projects.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="actions">
          <ActionsPanel project={p} openTaskId={openTaskId} />
        </Tabs.Panel>
        <Tabs.Panel value="budget">
          <BudgetPanel project={p} />
        </Tabs.Panel>
        <Tabs.Panel value="indicateurs">
          <IndicatorsPanel project={p} />
        </Tabs.Panel>
        {/* Kept mounted once shown, as the forms of Échanges and Portail: what is being typed survives a look at another tab. */}
        <Tabs.Panel value="participants" keepMounted>
          {visited.has('participants') && <ParticipantsPanel project={p} />}
        </Tabs.Panel>
        <Tabs.Panel value="echanges" keepMounted>
          {visited.has('echanges') && <ExchangesPanel project={p} />}
        </Tabs.Panel>
        <Tabs.Panel value="portail" keepMounted>
          {visited.has('portail') && <ProjectPortalPanel projectId={p.id} projectTitle={p.title} />}
        </Tabs.Panel>
        <Tabs.Panel value="historique">
          <Paper withBorder p="md" radius="md">
            <AuditTable filters={{ entity: null, projectId: p.id, profileName: null, from: null, to: null }} page={auditPage} onPage={setAuditPage} />
          </Paper>
        </Tabs.Panel>
      </Tabs>
      <GuardedModal opened={editing} onClose={() => setEditing(false)} title={t('projects.editTitle')} size="xl">
        {editing && (
          <ProjectForm
            initial={projectValues(p)}
            submitLabel={t('common.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              await update.mutateAsync({ ...values, id: p.id })
              setEditing(false)
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  )
}
