import { Anchor, Group, Paper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Dashboard } from '@shared/contract'
import { formatDate } from '../../lib/format'

/** The dashboard's line: how many élus with a délégation are still to be trained, and by when. */
export function TrainingDashboardLine({ training }: { training: NonNullable<Dashboard['training']> }) {
  const { t } = useTranslation()
  const late = training.untrained > 0
  return (
    <Paper withBorder px="md" py="sm" radius="md" aria-label={t('training.dashboard.title')}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Title order={2} size="h5">
            {t('training.dashboard.title')}
          </Title>
          <Text size="sm" c={late ? 'orange.9' : 'green.8'} fw={600}>
            {late
              ? t('training.dashboard.untrained', { count: training.untrained, total: training.delegatesTotal })
              : t('training.dashboard.allTrained')}
            {late && training.firstYearEndsOn ? ` ${t('training.dashboard.before', { date: formatDate(training.firstYearEndsOn) })}` : ''}
          </Text>
        </Group>
        <Anchor component={Link} to="/formation" size="sm">
          {t('training.dashboard.open')}
        </Anchor>
      </Group>
    </Paper>
  )
}
