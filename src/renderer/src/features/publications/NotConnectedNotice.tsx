import { Alert, Anchor, Text } from '@mantine/core'
import { IconPlugConnectedX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** Said wherever something is published while the commune has no relay: it is kept, and where to connect it. */
export function NotConnectedNotice() {
  const { t } = useTranslation()
  return (
    <Alert role="note" color="orange" variant="light" icon={<IconPlugConnectedX size={18} />} title={t('publications.notConnected')}>
      <Text size="sm">
        {t('publications.notConnectedText')}{' '}
        <Anchor component={Link} to="/parametres/portail" size="sm">
          {t('publications.settingsLink')}
        </Anchor>
        .
      </Text>
    </Alert>
  )
}
