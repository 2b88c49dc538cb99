import { Anchor, Button, Group, Loader, Paper, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconSend } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { OUTBOX_ACTION_LABELS, OUTBOX_KIND_LABELS, OUTBOX_STATES, type OutboxItemView, type OutboxState } from '@shared/contract'
import { errorMessage } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDateTime } from '../../lib/format'
import { NewsSection } from '../news/NewsSection'
import { NotConnectedNotice } from './NotConnectedNotice'
import { OutboxStateBadge, OutboxStateDetail } from './OutboxState'
import { PortalTableContainer } from './PortalItemCells'
import classes from './PortalTable.module.css'

/** Where the mairie manages what an item publishes (a project's tab), when there is such a page. */
function itemLink(item: OutboxItemView): string | null {
  const project = /^projet-(\d+)$/.exec(item.externalId)
  if (item.kind === 'project' && project && item.action === 'put') return `/projets/${project[1]}?onglet=portail`
  if (item.kind === 'news') return '/publications?onglet=actualites'
  return null
}

/** « Publications du portail »: every item of the outbox with its state, and « Envoyer maintenant ». */
export function PublicationsPage() {
  const { t } = useTranslation()
  const list = useApiQuery('publications.list', {}, { refetchInterval: (query) => ((query.state.data?.counts.en_attente ?? 0) > 0 ? 5_000 : false) })
  const sendNow = useApiMutation('publications.sendNow')
  const [state, setState] = useState<OutboxState | 'tous'>('tous')
  const [searchParams, setSearchParams] = useSearchParams()
  const tab = searchParams.get('onglet') ?? 'envois'

  async function send() {
    try {
      const report = await sendNow.mutateAsync({})
      if (report.sent === 0 && report.failed === 0 && !report.problem) notifications.show({ message: t('publications.nothingToSend') })
      else if (report.failed === 0 && !report.problem)
        notifications.show({ color: 'green', message: t('publications.sentReport', { count: report.sent }) })
      else
        notifications.show({
          color: 'red',
          title: report.sent > 0 ? t('publications.sentReport', { count: report.sent }) : t('publications.sendFailedTitle'),
          message:
            report.failed > 0
              ? t('publications.failedReport', { count: report.failed, problem: report.problem ?? t('publications.failedUnknown') })
              : report.problem,
        })
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    }
  }

  if (list.isError) return <FormError message={list.error.message} />
  if (!list.data) return <Loader />
  const { items, counts, connected } = list.data
  const shown = state === 'tous' ? items : items.filter((item) => item.state === state)

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={1}>{t('publications.title')}</Title>
          <Text size="sm" maw={760}>
            {t('publications.intro')}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <Button
            leftSection={<IconSend size={18} />}
            onClick={() => void send()}
            loading={sendNow.isPending}
            disabled={counts.en_attente + counts.erreur === 0}
          >
            {t('publications.sendNow')}
          </Button>
          <Text size="xs" c="dimmed" maw={260} ta="right">
            {t('publications.sendNowHelp')}
          </Text>
        </Stack>
      </Group>
      {!connected && <NotConnectedNotice />}
      <Group gap="lg" aria-label={t('publications.columns.state')} role="group">
        {OUTBOX_STATES.map((key) => (
          <Paper key={key} withBorder p="sm" radius="md" miw={150}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`publications.counts.${key}`)}
            </Text>
            <Text size="xl" fw={700} data-testid={`count-${key}`}>
              {counts[key]}
            </Text>
          </Paper>
        ))}
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => setSearchParams(value && value !== 'envois' ? { onglet: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="envois">{t('publications.tabs.outbox')}</Tabs.Tab>
          <Tabs.Tab value="actualites">{t('news.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="actualites">
          <NewsSection />
        </Tabs.Panel>
        <Tabs.Panel value="envois">
          {items.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text>{t('publications.empty')}</Text>
            </Paper>
          ) : (
            <Paper withBorder p="md" radius="md">
              <Stack>
                <SegmentedControl
                  aria-label={t('publications.filterState')}
                  value={state}
                  onChange={(value) => setState(value as OutboxState | 'tous')}
                  data={[
                    { value: 'tous', label: t('publications.filterAll') },
                    ...OUTBOX_STATES.map((key) => ({ value: key, label: t(`publications.counts.${key}`) })),
                  ]}
                  w="fit-content"
                />
                <PortalTableContainer minWidth={860}>
                  <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('publications.title')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('publications.columns.what')}</Table.Th>
                        <Table.Th>{t('publications.columns.kind')}</Table.Th>
                        <Table.Th>{t('publications.columns.action')}</Table.Th>
                        <Table.Th>{t('publications.columns.state')}</Table.Th>
                        <Table.Th>{t('publications.columns.detail')}</Table.Th>
                        <Table.Th>{t('publications.columns.updated')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.map((item) => {
                        const link = itemLink(item)
                        return (
                          <Table.Tr key={item.id}>
                            <Table.Td style={{ overflowWrap: 'anywhere' }}>
                              {link ? (
                                <Anchor component={Link} to={link}>
                                  {item.label}
                                </Anchor>
                              ) : (
                                item.label
                              )}
                            </Table.Td>
                            <Table.Td>{OUTBOX_KIND_LABELS[item.kind]}</Table.Td>
                            <Table.Td>{OUTBOX_ACTION_LABELS[item.action]}</Table.Td>
                            <Table.Td>
                              <OutboxStateBadge state={item.state} />
                            </Table.Td>
                            <Table.Td maw={360} className={classes.stateCell}>
                              <OutboxStateDetail item={item} />
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{formatDateTime(item.updatedAt)}</Text>
                            </Table.Td>
                          </Table.Tr>
                        )
                      })}
                    </Table.Tbody>
                  </Table>
                </PortalTableContainer>
              </Stack>
            </Paper>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
