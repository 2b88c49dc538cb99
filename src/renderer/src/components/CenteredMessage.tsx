import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface CenteredMessageProps {
  title: string
  message?: string
  loading?: boolean
  onRetry?: () => void
}

/** Whole-window states: loading, or the app cannot be reached. */
export function CenteredMessage({ title, message, loading, onRetry }: CenteredMessageProps) {
  const { t } = useTranslation()
  return (
    <Center h="100%" p="xl">
      <Stack align="center" maw={520} ta="center">
        {loading && <Loader />}
        <Title order={2}>{title}</Title>
        {message && <Text c="dimmed">{message}</Text>}
        {onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      </Stack>
    </Center>
  )
}
