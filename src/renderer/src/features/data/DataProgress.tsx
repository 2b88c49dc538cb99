import { Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DataOperationProgress } from '@shared/contract'

/** A progress bar with the step in words: « Copie des documents (12 sur 40) ». */
export function DataProgress({ progress }: { progress: DataOperationProgress }) {
  const { t } = useTranslation()
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text fw={600} size="sm">
        {t(`data.operations.${progress.operation}`)} — {progress.step}
      </Text>
      <Progress value={percent} size="lg" animated aria-label={t('data.progressLabel')} />
    </Stack>
  )
}
