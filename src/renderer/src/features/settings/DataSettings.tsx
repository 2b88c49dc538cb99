import { Code, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'

export function DataSettings() {
  const { t } = useTranslation()
  const status = useApiQuery('app.status', {})
  if (!status.data) return <Loader />
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('settings.data.title')}
        </Title>
        <Text>{t('settings.data.folder')}</Text>
        <Code block>{status.data.dataDir}</Code>
        <Text size="sm" c="dimmed">
          {t('settings.data.backups')}
        </Text>
        <Text size="sm">{t('settings.data.version', { version: status.data.version })}</Text>
      </Stack>
    </Paper>
  )
}
