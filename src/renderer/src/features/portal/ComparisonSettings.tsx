import { Alert, Paper, Stack, Switch, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ComparisonStatus } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDateTime } from '../../lib/format'

/** Where the last share (or withdrawal) stands, in words. */
export function ComparisonItemState({ status }: { status: ComparisonStatus }) {
  const { t } = useTranslation()
  const item = status.item
  if (!item) return null
  const words = item.action === 'put' ? t(`comparison.state.${item.state}`) : t(`comparison.withdrawState.${item.state}`)
  const when = item.state === 'publie' && item.sentAt ? ` ${t('comparison.sentOn', { date: formatDateTime(item.sentAt) })}` : ''
  return (
    <Text size="sm" c={item.state === 'erreur' ? 'red' : 'dimmed'} data-testid="comparison-state">
      {words}
      {when}
      {item.lastError && item.state !== 'publie' ? ` — ${item.lastError}` : ''}
    </Text>
  )
}

/** Paramètres › Portail citoyen › the opt-in of the anonymous comparison: what is shared, said plainly; off by default. */
export function ComparisonSettings({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation()
  const status = useApiQuery('comparison.status', {})
  const setSharing = useApiMutation('comparison.setSharing', {
    failure: 'notification',
    success: (s) => (s.sharing ? t('comparison.turnedOn') : t('comparison.turnedOff')),
  })

  if (status.isPending) return null
  if (status.isError) return <FormError message={status.error.message} />
  const comparison = status.data

  function toggle(sharing: boolean) {
    if (sharing) {
      setSharing.mutate({ sharing })
      return
    }
    modals.openConfirmModal({
      title: t('comparison.confirmOffTitle'),
      children: <Text>{t('comparison.confirmOff')}</Text>,
      labels: { confirm: t('comparison.confirmOffButton'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => setSharing.mutate({ sharing: false }),
    })
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="comparison-title">
      <Title order={2} size="h3" mb="xs" id="comparison-title">
        {t('comparison.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{t('comparison.explain')}</Text>
        <Text size="sm">{t('comparison.explainBack')}</Text>
        <Text size="sm">{t('comparison.explainWhich')}</Text>
        <Switch
          mt="xs"
          label={t('comparison.switchLabel')}
          description={isAdmin ? t('comparison.switchHelp') : t('comparison.adminOnly')}
          checked={comparison.sharing}
          disabled={!isAdmin || setSharing.isPending}
          onChange={(event) => toggle(event.currentTarget.checked)}
        />
        {comparison.changedAt && (
          <Text size="sm" c="dimmed">
            {t('comparison.changedBy', { date: formatDateTime(comparison.changedAt), who: comparison.changedBy ?? '' })}
          </Text>
        )}
        {comparison.sharing && !comparison.connected && (
          <Alert role="note" variant="light" color="orange" icon={<IconInfoCircle size={18} />} p="xs">
            <Text size="sm">{t('comparison.notConnected')}</Text>
          </Alert>
        )}
        {comparison.sharing && comparison.problem && (
          <Alert role="note" variant="light" color="orange" icon={<IconInfoCircle size={18} />} p="xs">
            <Text size="sm">{comparison.problem}</Text>
          </Alert>
        )}
        {comparison.sharing && comparison.band && comparison.campaign && !comparison.problem && (
          <Text size="sm">
            {t('comparison.shared', {
              band: comparison.band,
              campaign: comparison.campaign.name,
              closed: comparison.campaign.closed ? t('comparison.closedSuffix') : t('comparison.currentSuffix'),
            })}
          </Text>
        )}
        <ComparisonItemState status={comparison} />
      </Stack>
    </Paper>
  )
}
