import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconRefresh, IconUsersGroup } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { onEvent } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { formatDateTime } from '../../lib/format'

const PULL_PROGRESS_TASK = 'citoyens'

/**
 * The home page's line on the citizen portal: when the last sync happened and what it brought, why the last attempt
 * failed (the app keeps working), the sync in progress in words, and « Synchroniser maintenant ». Nothing while the
 * commune is not connected to a relay.
 */
export function CitizensSyncLine() {
  const { t } = useTranslation()
  const status = useApiQuery('citizens.syncStatus', {})
  const syncNow = useApiMutation('citizens.syncNow')
  const [progress, setProgress] = useState<string | null>(null)
  useEffect(() => onEvent('progress', (event) => event.task === PULL_PROGRESS_TASK && setProgress(event.label)), [])
  const running = status.data?.running ?? null

  if (!status.data?.connected) return null
  const { lastSyncAt, lastSyncNew, lastAttemptAt, lastError } = status.data
  const busy = syncNow.isPending || running !== null
  const failedLater = lastError !== null && lastAttemptAt !== null && (lastSyncAt === null || lastAttemptAt >= lastSyncAt)

  return (
    <Stack gap={6} aria-label={t('citizens.sync.label')} role="region">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconUsersGroup size={18} aria-hidden />
          <Text size="sm">
            {lastSyncAt
              ? `${t('citizens.sync.last', { date: formatDateTime(lastSyncAt) })} · ${t('citizens.sync.new', { count: lastSyncNew })}`
              : t('citizens.sync.never')}
          </Text>
        </Group>
        <Button
          size="xs"
          variant="default"
          leftSection={busy ? <Loader size={14} /> : <IconRefresh size={16} />}
          disabled={busy}
          onClick={() => {
            setProgress(null)
            syncNow.mutate({})
          }}
        >
          {t('citizens.sync.now')}
        </Button>
      </Group>
      {busy && (
        <Text size="sm" c="dimmed" role="status">
          {progress ?? running ?? t('citizens.sync.running')}
        </Text>
      )}
      {!busy && syncNow.data && syncNow.data.problem === null && (
        <Text size="sm" c="dimmed" role="status">
          {t('citizens.sync.done', { count: syncNow.data.newContributions })}
        </Text>
      )}
      {!busy && failedLater && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} py="xs" role="alert">
          <Text size="sm">{t('citizens.sync.failed', { date: formatDateTime(lastAttemptAt), reason: lastError })}</Text>
        </Alert>
      )}
      {syncNow.isError && (
        <Alert color="red" py="xs" role="alert">
          <Text size="sm">{syncNow.error.message}</Text>
        </Alert>
      )}
    </Stack>
  )
}
