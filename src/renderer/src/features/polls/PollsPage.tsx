import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { confirmRemoval } from '../../components/confirmRemoval'
import { notifications } from '@mantine/notifications'
import { IconChartBar, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Poll } from '@shared/contract'
import { POLL_KIND_LABELS, VERIFICATION_LABELS } from '@shared/relay/vocabulary'
import { ApiError } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { GuardedModal } from '../../components/GuardedModal'
import { formatDate, todayIso } from '../../lib/format'
import { pollResultsPath } from '../poll-results/PollResultsPage'
import { NotConnectedNotice } from '../publications/NotConnectedNotice'
import { StateBadge } from '../publications/OutboxState'
import { PortalActionsCell, PortalItemActions, PortalStateCell, PortalTableContainer } from '../publications/PortalItemCells'
import { usePortalNotice } from '../publications/usePortalNotice'
import { emptyPoll, PollForm, pollInputOf, pollValues, type PollValues } from './PollForm'

type Period = 'upcoming' | 'open' | 'closed'

function periodOf(poll: Poll, today: string): Period {
  if (today < poll.opensOn) return 'upcoming'
  if (today > poll.closesOn) return 'closed'
  return 'open'
}

const PERIOD_COLORS: Record<Period, string> = { upcoming: 'blue', open: 'green', closed: 'gray' }

/** polls.update answers about `poll.<field>`: the form knows its fields without the prefix. */
function withoutPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiError)) return error
  return new ApiError({
    ...error.shape,
    issues: error.issues.map((issue) => (issue.path.startsWith(prefix) ? { ...issue, path: issue.path.slice(prefix.length) } : issue)),
  })
}

/** « Consultations »: the commune's polls and votes, written here and published on the portal through the outbox. */
export function PollsPage() {
  const { t } = useTranslation()
  const list = useApiQuery(
    'polls.list',
    {},
    { refetchInterval: (query) => (query.state.data?.items.some((poll) => poll.item?.state === 'en_attente') ? 5_000 : false) },
  )
  const status = useApiQuery('portal.status', {})
  const projects = useApiQuery('projects.list', { pageSize: 200, sort: 'updated' })
  const create = useApiMutation('polls.create')
  const update = useApiMutation('polls.update')
  // confirmRemoval shows a refusal.
  const withdraw = useApiMutation('polls.withdraw')
  const republish = useApiMutation('polls.republish', { failure: 'notification' })
  const [editing, setEditing] = useState<Poll | 'new' | null>(null)
  const notice = usePortalNotice(list.data?.items.map((poll) => poll.item) ?? [])
  const published = { waiting: t('polls.queued'), sent: t('polls.sent') }
  const withdrawn = { waiting: t('polls.withdrawn'), sent: t('polls.withdrawnSent') }
  const republished = { waiting: t('polls.republished'), sent: t('polls.republishedSent') }

  function confirmWithdraw(poll: Poll) {
    confirmRemoval({
      title: t('polls.withdrawTitle'),
      message: t('polls.withdrawConfirm', { title: poll.title }),
      confirm: t('polls.withdraw'),
      remove: () => notice.after(withdraw.mutateAsync({ id: poll.id }), withdrawn),
    })
  }

  async function save(values: PollValues) {
    const input = pollInputOf(values)
    if (current) {
      let updated
      try {
        updated = await update.mutateAsync({ id: current.id, poll: input })
      } catch (error) {
        throw withoutPrefix(error, 'poll.')
      }
      // A withdrawn poll is only saved here; any other goes to the portal again.
      if (updated.withdrawnAt) notifications.show({ color: 'green', message: t('polls.updated') })
      else notice.follow(updated.item, published)
    } else await notice.after(create.mutateAsync(input), published)
    setEditing(null)
  }

  if (list.isError) return <FormError message={list.error.message} />
  if (!list.data) return <Loader />
  const items = list.data.items
  const current = editing !== null && editing !== 'new' ? editing : null
  const connected = status.data?.connected ?? true
  const today = todayIso()
  const projectOptions = (projects.data?.items ?? []).map((project) => ({ value: String(project.id), label: project.title }))

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={1}>{t('polls.title')}</Title>
          <Text size="sm" maw={760}>
            {t('polls.intro')}
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          {t('polls.new')}
        </Button>
      </Group>
      {!connected && <NotConnectedNotice />}
      {items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs">
            <Text>{t('polls.empty')}</Text>
            {!connected && (
              <Text size="sm" c="dimmed">
                {t('polls.emptyNotConnected')}
              </Text>
            )}
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder p="md" radius="md">
          <PortalTableContainer minWidth={880}>
            <Table striped verticalSpacing="sm" aria-label={t('polls.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('polls.columns.title')}</Table.Th>
                  <Table.Th>{t('polls.columns.kind')}</Table.Th>
                  <Table.Th>{t('polls.columns.dates')}</Table.Th>
                  <Table.Th>{t('polls.columns.verification')}</Table.Th>
                  <Table.Th>{t('polls.columns.state')}</Table.Th>
                  <Table.Th ta="right">{t('polls.columns.answers')}</Table.Th>
                  <Table.Th>{t('polls.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((poll) => {
                  const period = periodOf(poll, today)
                  return (
                    <Table.Tr key={poll.id}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }} maw={300}>
                        <Stack gap={2}>
                          <Text fw={600} size="sm">
                            {poll.title}
                          </Text>
                          {poll.kind === 'vote' && (
                            <Text size="xs" c="dimmed">
                              {poll.projectTitle ? t('polls.voteOn', { project: poll.projectTitle }) : t('polls.voteOnRemoved')}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{POLL_KIND_LABELS[poll.kind]}</Text>
                      </Table.Td>
                      <Table.Td miw={150}>
                        <Stack gap={4}>
                          <Text size="sm">{t('polls.dates', { opens: formatDate(poll.opensOn), closes: formatDate(poll.closesOn) })}</Text>
                          <StateBadge color={PERIOD_COLORS[period]} variant="outline">
                            {t(`polls.period.${period}`)}
                          </StateBadge>
                        </Stack>
                      </Table.Td>
                      <Table.Td maw={180}>
                        <Text size="sm">{VERIFICATION_LABELS[poll.verification]}</Text>
                      </Table.Td>
                      <Table.Td>
                        <PortalStateCell withdrawn={poll.withdrawnAt !== null} withdrawnLabel={t('polls.withdrawnBadge')} item={poll.item} />
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{poll.answers === 0 ? t('polls.answersNone') : t('polls.answersCount', { count: poll.answers })}</Text>
                      </Table.Td>
                      <PortalActionsCell>
                        <Button
                          component={Link}
                          to={pollResultsPath(poll.id)}
                          size="compact-sm"
                          variant="light"
                          leftSection={<IconChartBar size={16} />}
                          aria-label={`${t('pollResults.title')} « ${poll.title} »`}
                        >
                          {t('pollResults.title')}
                        </Button>
                        <PortalItemActions
                          title={poll.title}
                          withdrawn={poll.withdrawnAt !== null}
                          onEdit={() => setEditing(poll)}
                          onWithdraw={() => confirmWithdraw(poll)}
                          onRepublish={() => void notice.after(republish.mutateAsync({ id: poll.id }), republished).catch(() => {})}
                        />
                      </PortalActionsCell>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </PortalTableContainer>
        </Paper>
      )}
      <GuardedModal opened={editing !== null} onClose={() => setEditing(null)} title={current ? t('polls.editTitle') : t('polls.new')} size="xl">
        {editing !== null && (
          <PollForm
            initial={current ? pollValues(current) : emptyPoll()}
            answers={current?.answers ?? 0}
            paperBallots={current?.paperBallots ?? null}
            projects={projectOptions}
            submitLabel={current ? (current.withdrawnAt ? t('polls.saveWithdrawn') : t('polls.save')) : t('polls.create')}
            notice={current?.withdrawnAt ? t('polls.editWithdrawnHelp') : undefined}
            onCancel={() => setEditing(null)}
            onSubmit={save}
          />
        )}
      </GuardedModal>
    </Stack>
  )
}
