import { Button, Group, Loader, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/** Where a form saved as it is typed stands: nothing yet, being saved, saved, not savable as it is, or failed. */
export type SaveStateValue = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed'

/** « Enregistré » once what is on screen is stored, said to screen readers too; « Réessayer » after a failure. */
export function SaveState({ state, onRetry }: { state: SaveStateValue; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <Group gap={6} role="status" aria-live="polite" wrap="nowrap">
      {state === 'saving' && (
        <>
          <Loader size={12} />
          <Text size="xs" c="dimmed">
            {t('forms.saving')}
          </Text>
        </>
      )}
      {state === 'saved' && (
        <>
          <IconCheck size={14} color="var(--mantine-color-green-8)" aria-hidden />
          <Text size="xs" c="green.8" fw={500}>
            {t('forms.saved')}
          </Text>
        </>
      )}
      {(state === 'invalid' || state === 'failed') && (
        <>
          <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" aria-hidden />
          <Text size="xs" c="orange.9" fw={500}>
            {t('forms.unsaved')}
          </Text>
          {state === 'failed' && onRetry && (
            <Button size="compact-xs" variant="light" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
        </>
      )}
    </Group>
  )
}
