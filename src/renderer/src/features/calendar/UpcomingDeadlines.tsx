import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { formatDate } from '../../lib/format'
import { daysUntil } from './days'

/** How many deadlines the home page lists; the calendar has them all. */
const LISTED = 4
/** Closer than this, a deadline is flagged. */
const SOON_DAYS = 30

/**
 * On the home page: the next legal deadlines in one compact block, those less than a month away flagged in the list
 * itself (once each, not again in banners above it).
 */
export function UpcomingDeadlines() {
  const { t } = useTranslation()
  const upcoming = useApiQuery('calendar.upcoming', { months: 12 })
  const entries = (upcoming.data ?? []).slice(0, LISTED)
  return (
    <Paper withBorder p="md" radius="md" aria-label={t('calendar.next')} h="100%">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5">
          {t('calendar.next')}
        </Title>
        <Anchor component={Link} to="/calendrier" size="sm">
          {t('calendar.seeAll')}
        </Anchor>
      </Group>
      {upcoming.data && entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('calendar.noneSoon')}
        </Text>
      ) : (
        <Stack gap={6}>
          {entries.map((entry) => {
            const days = daysUntil(entry.dueOn)
            return (
              <Group key={`${entry.deadlineId}-${entry.dueOn}`} justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0}>
                  <Text size="sm" lineClamp={2} title={entry.title}>
                    {entry.title}
                  </Text>
                  {entry.windowStart && (
                    <Text size="xs" c="dimmed">
                      {t('calendar.windowShort', { from: formatDate(entry.windowStart), to: formatDate(entry.dueOn) })}
                      {entry.fromBudgetSession ? '' : ` ${t('calendar.windowShortLegal')}`}
                    </Text>
                  )}
                </Stack>
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  {days <= SOON_DAYS && (
                    <Badge color="orange" variant="light" tt="none" size="sm">
                      {t('calendar.inDays', { count: days })}
                    </Badge>
                  )}
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(entry.dueOn)}
                  </Text>
                </Group>
              </Group>
            )
          })}
        </Stack>
      )}
    </Paper>
  )
}
