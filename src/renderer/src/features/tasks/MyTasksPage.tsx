import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { MEMBER_TASKS_MAX, MEMBER_TASKS_PAGE, TASK_STATUS_LABELS, type Task } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDate, formatInteger } from '../../lib/format'
import { TASK_STATUS_COLORS } from '../projects/labels'
import { MyTraining } from '../training/MyTraining'

function TaskLine({ task }: { task: Task }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm" radius="md" aria-label={task.title}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/projets/${task.projectId}?tache=${task.id}`} fw={600} lineClamp={1}>
            {task.title}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {task.projectTitle}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {task.dueOn && (
            <Text size="sm" c={task.overdue ? 'red.8' : undefined} fw={task.overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
              {task.overdue ? t('tasks.lateSince') : t('tasks.due')} {formatDate(task.dueOn)}
            </Text>
          )}
          <Badge color={TASK_STATUS_COLORS[task.status]} variant="light" tt="none">
            {TASK_STATUS_LABELS[task.status]}
          </Badge>
        </Group>
      </Group>
    </Paper>
  )
}

/**
 * "Mes tâches": the signed-in person's tasks across projects, overdue and upcoming first — the 50 most urgent, then
 * 50 more at each « Afficher plus » (a person may hold a thousand tasks over a mandate).
 */
export function MyTasksPage() {
  const { t } = useTranslation()
  const session = useApiQuery('session.get', {})
  const members = useApiQuery('members.list', {})
  const [memberId, setMemberId] = useState<number | null>(null)
  const [includeDone, setIncludeDone] = useState(false)
  const [limit, setLimit] = useState(MEMBER_TASKS_PAGE)
  const myMemberId = session.data?.profile?.memberId ?? null
  const shownMember = memberId ?? myMemberId
  const tasks = useApiQuery(
    'tasks.forMember',
    { memberId: shownMember, includeDone, limit },
    // « Afficher plus » keeps the tasks on screen while the longer list arrives.
    { enabled: shownMember !== null, placeholderData: keepPreviousData },
  )

  if (!session.data || !members.data) return <Loader />
  const items = tasks.data?.items ?? []
  const open = items.filter((x) => x.status !== 'faite')
  const overdue = open.filter((x) => x.overdue)
  const upcoming = open.filter((x) => !x.overdue && x.dueOn !== null)
  const undated = open.filter((x) => !x.overdue && x.dueOn === null)
  const done = items.filter((x) => x.status === 'faite')
  const counts = tasks.data?.counts ?? { overdue: 0, upcoming: 0, undated: 0, done: 0 }
  const total = tasks.data?.total ?? 0

  return (
    <Stack maw={960}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{memberId === null || memberId === myMemberId ? t('tasks.mine') : t('tasks.ofPerson')}</Title>
        <Group align="flex-end">
          <Select
            label={t('tasks.person')}
            data={members.data.map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` }))}
            value={shownMember === null ? null : String(shownMember)}
            onChange={(v) => {
              setMemberId(v ? Number(v) : null)
              setLimit(MEMBER_TASKS_PAGE)
            }}
            searchable
            w={240}
          />
          <Switch
            label={t('tasks.includeDone')}
            checked={includeDone}
            onChange={(e) => {
              setIncludeDone(e.currentTarget.checked)
              setLimit(MEMBER_TASKS_PAGE)
            }}
            mb={8}
          />
        </Group>
      </Group>
      {shownMember === null ? (
        <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light">
          {t('tasks.noMember')}
        </Alert>
      ) : tasks.isError ? (
        <FormError message={tasks.error.message} />
      ) : !tasks.data ? (
        <Loader />
      ) : total === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text>{t('tasks.nothing')}</Text>
        </Paper>
      ) : (
        <>
          {[
            [t('tasks.groups.overdue', { count: counts.overdue }), overdue],
            [t('tasks.groups.upcoming', { count: counts.upcoming }), upcoming],
            [t('tasks.groups.undated', { count: counts.undated }), undated],
            [t('tasks.groups.done', { count: counts.done }), done],
          ].map(([title, list]) =>
            (list as Task[]).length === 0 ? null : (
              <Stack key={title as string} gap="xs" aria-label={title as string}>
                <Title order={2} size="h4">
                  {title as string}
                </Title>
                {(list as Task[]).map((task) => (
                  <TaskLine key={task.id} task={task} />
                ))}
              </Stack>
            ),
          )}
          {items.length < total && (
            <Group justify="space-between" aria-label={t('tasks.showMore')}>
              <Text size="sm" c="dimmed">
                {t('tasks.shown', { shown: formatInteger(items.length), total: formatInteger(total) })}
              </Text>
              <Button
                variant="default"
                loading={tasks.isFetching}
                disabled={limit >= MEMBER_TASKS_MAX}
                onClick={() => setLimit(Math.min(limit + MEMBER_TASKS_PAGE, MEMBER_TASKS_MAX))}
              >
                {t('tasks.showMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      {shownMember !== null && (
        <MyTraining
          memberId={shownMember}
          editable={shownMember === myMemberId || (session.data.profile?.isAdmin ?? false)}
          own={shownMember === myMemberId}
        />
      )}
    </Stack>
  )
}
