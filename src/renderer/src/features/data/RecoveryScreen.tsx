import { Alert, Box, Button, Code, Container, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Recovery } from '@shared/contract'
import { formatDateTime } from '@shared/format'
import { errorMessage } from '../../api/client'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { BackupList } from './BackupList'
import { DataProgress } from './DataProgress'
import { ImportArchive } from './ImportArchive'
import { useDataProgress } from './useDataProgress'

/** At launch, when the data could not be opened: never an empty commune, never a crash — the latest good backup. */
export function RecoveryScreen({ recovery, dataDir }: { recovery: Recovery; dataDir: string }) {
  const { t } = useTranslation()
  const restoreBackup = useApiMutation('recovery.restore')
  const progress = useDataProgress()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [latest, ...others] = recovery.backups

  async function restore(id: string) {
    setBusy(true)
    setError(null)
    try {
      await restoreBackup.mutateAsync({ id })
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Box py="xl">
      <Container size="md">
        <Paper withBorder p="lg" radius="md" shadow="xs">
          <Stack gap="md">
            <Title order={1}>{t('data.recovery.title')}</Title>
            <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
              {recovery.problem}
            </Alert>
            <Text>{t('data.recovery.explain')}</Text>
            {progress && busy && <DataProgress progress={progress} />}
            {latest ? (
              <Button size="md" onClick={() => restore(latest.id)} loading={busy} style={{ alignSelf: 'flex-start' }}>
                {t('data.recovery.latest', { date: formatDateTime(latest.createdAt) })}
              </Button>
            ) : (
              <Text>{t('data.recovery.none')}</Text>
            )}
            <FormError message={error} />
            {others.length > 0 && (
              <>
                <Text fw={600}>{t('data.recovery.other')}</Text>
                <BackupList backups={others} disabled={busy} onRestore={(entry) => restore(entry.id)} />
              </>
            )}
            <Title order={2} size="h4">
              {t('data.recovery.importTitle')}
            </Title>
            <ImportArchive replacesData={false} />
            <Text size="sm" c="dimmed">
              {t('data.recovery.folder')}
            </Text>
            <Code block>{dataDir}</Code>
          </Stack>
        </Paper>
      </Container>
    </Box>
  )
}
