import { Badge, Button, Stack, Table, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { BACKUP_KIND_LABELS, type BackupEntry } from '@shared/contract'
import { formatBytes, formatDate, formatDateTime } from '@shared/format'
import { errorMessage } from '../../api/client'

export function contentSummary(entry: BackupEntry, t: (key: 'data.list.summary', values: Record<string, number>) => string): string {
  return t('data.list.summary', { projects: entry.projects, campaigns: entry.campaigns, documents: entry.documents, members: entry.members })
}

/** Every backup with its date, kind, size and what it holds; « Restaurer » asks first. */
export function BackupList({
  backups,
  onRestore,
  disabled,
}: {
  backups: BackupEntry[]
  onRestore(entry: BackupEntry): Promise<unknown>
  disabled?: boolean
}) {
  const { t } = useTranslation()
  if (backups.length === 0) return <Text c="dimmed">{t('data.list.empty')}</Text>

  function confirmRestore(entry: BackupEntry) {
    modals.openConfirmModal({
      title: t('data.list.confirmTitle', { date: formatDateTime(entry.createdAt) }),
      children: <Text>{t('data.list.confirm', { summary: contentSummary(entry, t) })}</Text>,
      labels: { confirm: t('data.list.confirmButton'), cancel: t('common.cancel') },
      confirmProps: { color: 'orange' },
      onConfirm: async () => {
        try {
          await onRestore(entry)
          notifications.show({ color: 'green', message: t('data.list.restored') })
        } catch (error) {
          notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error), autoClose: false })
        }
      },
    })
  }

  return (
    <Table striped highlightOnHover aria-label={t('data.list.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('data.list.date')}</Table.Th>
          <Table.Th>{t('data.list.kind')}</Table.Th>
          <Table.Th>{t('data.list.content')}</Table.Th>
          <Table.Th ta="right">{t('data.list.size')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {formatDateTime(entry.createdAt)}
              </Text>
              <Text size="xs" c="dimmed">
                {entry.madeBy}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Text size="sm">{BACKUP_KIND_LABELS[entry.kind]}</Text>
                {entry.inSecondLocation && (
                  <Badge size="xs" variant="light">
                    {t('data.list.second')}
                  </Badge>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{contentSummary(entry, t)}</Text>
              <Text size="xs" c="dimmed">
                {entry.lastChange
                  ? t('data.list.lastChange', { date: formatDate(entry.lastChange.at), by: entry.lastChange.by })
                  : t('data.list.noChange')}
              </Text>
              {entry.missingDocuments > 0 && (
                <Text size="xs" c="orange.8">
                  {t('data.list.missing', { count: entry.missingDocuments })}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm">{formatBytes(entry.size)}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="xs"
                variant="default"
                disabled={disabled}
                onClick={() => confirmRestore(entry)}
                aria-label={`${t('data.list.restore')} ${formatDateTime(entry.createdAt)}`}
              >
                {t('data.list.restore')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
