import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { confirmRemoval } from '../../components/confirmRemoval'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NewsItem, NewsItemInput } from '@shared/contract'
import { TOPIC_LABELS } from '@shared/relay/vocabulary'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { GuardedModal } from '../../components/GuardedModal'
import { formatDate } from '../../lib/format'
import { PortalActionsCell, PortalItemActions, PortalStateCell, PortalTableContainer } from '../publications/PortalItemCells'
import { usePortalNotice } from '../publications/usePortalNotice'
import { emptyNews, NewsForm, newsValues, type NewsValues } from './NewsForm'

/** The form's values as the contract takes them (the contract refuses what is missing, in French). */
function newsInputOf(values: NewsValues): NewsItemInput {
  return values as NewsItemInput
}

/** « Actualités »: the commune's news items and alerts, written here and published through the outbox. */
export function NewsSection() {
  const { t } = useTranslation()
  const list = useApiQuery('news.list', {})
  const create = useApiMutation('news.create')
  const update = useApiMutation('news.update')
  // confirmRemoval shows a refusal.
  const withdraw = useApiMutation('news.withdraw')
  const republish = useApiMutation('news.republish', { failure: 'notification' })
  const [editing, setEditing] = useState<NewsItem | 'new' | null>(null)
  const notice = usePortalNotice(list.data?.items.map((item) => item.item) ?? [])
  const withdrawn = { waiting: t('news.withdrawn'), sent: t('news.withdrawnSent') }
  const republished = { waiting: t('news.republished'), sent: t('news.republishedSent') }

  function confirmWithdraw(item: NewsItem) {
    confirmRemoval({
      title: t('news.withdrawTitle'),
      message: t('news.withdrawConfirm', { title: item.title }),
      confirm: t('news.withdraw'),
      remove: () => notice.after(withdraw.mutateAsync({ id: item.id }), withdrawn),
    })
  }

  if (list.isError) return <FormError message={list.error.message} />
  if (!list.data) return <Loader />
  const items = list.data.items
  const current = editing !== null && editing !== 'new' ? editing : null

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={2}>{t('news.title')}</Title>
          <Text size="sm" maw={760}>
            {t('news.intro')}
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          {t('news.new')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text>{t('news.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder p="md" radius="md">
          <PortalTableContainer minWidth={760}>
            <Table striped verticalSpacing="sm" aria-label={t('news.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('news.columns.title')}</Table.Th>
                  <Table.Th>{t('news.columns.topic')}</Table.Th>
                  <Table.Th>{t('news.columns.date')}</Table.Th>
                  <Table.Th>{t('news.columns.state')}</Table.Th>
                  <Table.Th>{t('news.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }} maw={360}>
                      <Stack gap={4}>
                        <Text fw={600} size="sm">
                          {item.title}
                        </Text>
                        {item.isAlert && item.alertUntil && (
                          <Text size="xs" fw={600} c="orange.9">
                            {t('news.alertBadge', { date: formatDate(item.alertUntil) })}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{TOPIC_LABELS[item.topic]}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDate(item.publishedOn)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <PortalStateCell withdrawn={item.withdrawnAt !== null} withdrawnLabel={t('news.withdrawnBadge')} item={item.item} />
                    </Table.Td>
                    <PortalActionsCell>
                      <PortalItemActions
                        title={item.title}
                        withdrawn={item.withdrawnAt !== null}
                        onEdit={() => setEditing(item)}
                        onWithdraw={() => confirmWithdraw(item)}
                        onRepublish={() => void notice.after(republish.mutateAsync({ id: item.id }), republished).catch(() => {})}
                      />
                    </PortalActionsCell>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </PortalTableContainer>
        </Paper>
      )}
      <GuardedModal opened={editing !== null} onClose={() => setEditing(null)} title={current ? t('news.editTitle') : t('news.new')} size="lg">
        {editing !== null && (
          <NewsForm
            initial={current ? newsValues(current) : emptyNews()}
            submitLabel={current ? (current.withdrawnAt ? t('news.saveWithdrawn') : t('news.save')) : t('news.create')}
            notice={current?.withdrawnAt ? t('news.editWithdrawnHelp') : undefined}
            onCancel={() => setEditing(null)}
            onSubmit={async (values) => {
              const input = newsInputOf(values)
              const published = values.isAlert
                ? { waiting: t('news.queuedAlert'), sent: t('news.sentAlert') }
                : { waiting: t('news.queued'), sent: t('news.sent') }
              if (current) {
                const updated = await update.mutateAsync({ id: current.id, news: input })
                // A withdrawn item is only saved here; any other goes to the portal again.
                if (updated.withdrawnAt) notifications.show({ color: 'green', message: t('news.updated') })
                else notice.follow(updated.item, published)
              } else await notice.after(create.mutateAsync(input), published)
              setEditing(null)
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  )
}
