import { Anchor, Button, Group, Paper, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DomainScore, PeerComparison as Peers } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { formatDateTime, formatPercent } from '../../lib/format'

/**
 * The band's median and quartiles per domain next to the commune's scores, only as the relay gave them; until it has
 * enough communes (or while the commune does not share), says so and shows no figure.
 */
export function PeerComparison({ peers, domains }: { peers: Peers; domains: DomainScore[] }) {
  const { t } = useTranslation()
  const refresh = useApiMutation('comparison.refresh', { failure: 'notification' })
  function refreshNow() {
    refresh.mutate(
      {},
      {
        onSuccess: (status) => {
          const failed = status.problem ?? (status.item && status.item.state !== 'publie' ? status.item.lastError : null)
          notifications.show(failed ? { color: 'orange', message: failed } : { color: 'green', message: t('comparison.refreshed') })
        },
      },
    )
  }
  const figure = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatPercent(value))

  let status
  if (!peers.sharing) {
    status = (
      <Text size="sm">
        {t('comparison.notSharing')}{' '}
        <Anchor component={Link} to="/parametres/portail">
          {t('comparison.settingsLink')}
        </Anchor>
        .
      </Text>
    )
  } else if (!peers.receivedAt) status = <Text size="sm">{t('comparison.waiting')}</Text>
  else if (!peers.available)
    status = (
      <Text size="sm">
        {t('comparison.notEnough', {
          band: peers.band,
          count: peers.contributors,
          minimum: peers.minimumCommunes ?? 0,
          date: formatDateTime(peers.receivedAt),
        })}
      </Text>
    )
  else
    status = (
      <Text size="sm">
        {t('comparison.figuresOf', { band: peers.band, date: formatDateTime(peers.receivedAt), count: peers.communes })}{' '}
        {t('comparison.quartilesHelp')}
      </Text>
    )

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="peer-comparison-title" data-testid="peer-comparison">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="peer-comparison-title">
          {t('comparison.sectionTitle')}
        </Title>
        {peers.sharing && (
          <Button variant="default" size="xs" leftSection={<IconRefresh size={16} />} loading={refresh.isPending} onClick={refreshNow}>
            {t('comparison.refresh')}
          </Button>
        )}
      </Group>
      {status}
      {peers.available && (
        <Table mt="sm" striped aria-label={t('comparison.sectionTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('comparison.columns.domain')}</Table.Th>
              <Table.Th ta="right">{t('comparison.columns.own')}</Table.Th>
              <Table.Th ta="right">{t('comparison.columns.q1')}</Table.Th>
              <Table.Th ta="right">{t('comparison.columns.median')}</Table.Th>
              <Table.Th ta="right">{t('comparison.columns.q3')}</Table.Th>
              <Table.Th ta="right">{t('comparison.columns.communes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {domains.map((domain) => {
              const peer = peers.domains.find((p) => p.domainId === domain.domainId)
              return (
                <Table.Tr key={domain.domainId}>
                  <Table.Td>{domain.title}</Table.Td>
                  <Table.Td ta="right">{domain.applies ? figure(domain.done) : '—'}</Table.Td>
                  {peer ? (
                    <>
                      <Table.Td ta="right">{figure(peer.q1)}</Table.Td>
                      <Table.Td ta="right">{figure(peer.median)}</Table.Td>
                      <Table.Td ta="right">{figure(peer.q3)}</Table.Td>
                      <Table.Td ta="right">{peer.communes}</Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={4} ta="right" c="dimmed">
                      {t('comparison.noFigure')}
                    </Table.Td>
                  )}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
