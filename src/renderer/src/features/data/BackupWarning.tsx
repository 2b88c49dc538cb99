import { Alert, Anchor, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../api/hooks'

/** On the home page: no good backup for a week, or the second location unreachable for days. */
export function BackupWarning() {
  const { t } = useTranslation()
  const status = useApiQuery('backups.status', {})
  const warnings = status.data?.warnings ?? []
  if (warnings.length === 0) return null
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert" py="xs">
      <Stack gap={2}>
        {warnings.map((warning) => (
          <Text key={warning} size="sm">
            {warning}
          </Text>
        ))}
        <Anchor component={Link} to="/parametres/donnees" size="sm">
          {t('data.warning.action')}
        </Anchor>
      </Stack>
    </Alert>
  )
}
