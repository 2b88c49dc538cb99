import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlarm } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { formatDate } from '../../lib/format'
import { daysUntil } from './days'

/** On the home page: the next legal deadlines, with a reminder when one is less than a month away. */
export function UpcomingDeadlines() {
  const { t } = useTranslation()
  const upcoming = useApiQuery('calendar.upcoming', { months: 12 })
  const entries = upcoming.data ?? []
  if (entries.length === 0) return null
  const near = entries.filter((e) => daysUntil(e.dueOn) <= 30)
  return (
    <Stack gap="sm">
      {near.map((entry) => (
        <Alert
          key={`${entry.deadlineId}-${entry.dueOn}`}
          color="orange"
          icon={<IconAlarm size={18} />}
          title={t('calendar.reminder', { count: daysUntil(entry.dueOn) })}
          role="status"
        >
          {entry.title} — {formatDate(entry.dueOn)}
        </Alert>
      ))}
      <Paper withBorder p="md" radius="md" aria-label={t('calendar.next')}>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('calendar.next')}
          </Title>
          <Anchor component={Link} to="/calendrier">
            {t('calendar.seeAll')}
          </Anchor>
        </Group>
        {entries.slice(0, 4).map((entry) => (
          <Group key={`${entry.deadlineId}-${entry.dueOn}`} justify="space-between" wrap="nowrap">
            <Text size="sm">{entry.title}</Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatDate(entry.dueOn)}
            </Text>
          </Group>
        ))}
      </Paper>
    </Stack>
  )
}
