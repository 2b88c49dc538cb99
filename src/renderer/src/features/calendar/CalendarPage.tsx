import { Alert, Anchor, Badge, Group, Indicator, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Calendar } from '@mantine/dates'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CalendarEntry } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDate } from '../../lib/format'
import { LegalSources } from '../../components/LegalSources'
import { BudgetSessionForm } from './BudgetSessionForm'
import { daysUntil } from './days'

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' })

function groupByMonth(entries: CalendarEntry[]): [string, CalendarEntry[]][] {
  const groups = new Map<string, CalendarEntry[]>()
  for (const entry of entries) {
    const key = entry.dueOn.slice(0, 7)
    groups.set(key, [...(groups.get(key) ?? []), entry])
  }
  return [...groups]
}

/** The dated legal deadlines that apply to this commune over the next twelve months. */
export function CalendarPage() {
  const { t } = useTranslation()
  const upcoming = useApiQuery('calendar.upcoming', { months: 12 })
  const mandate = useApiQuery('mandate.get', {})
  const [selected, setSelected] = useState<string | null>(null)

  if (upcoming.isError) return <FormError message={upcoming.error.message} />
  if (!upcoming.data) return <Loader />
  const entries = upcoming.data
  const byDay = new Map(entries.map((e) => [e.dueOn, entries.filter((x) => x.dueOn === e.dueOn)]))
  const shown = selected ? entries.filter((e) => e.dueOn === selected) : entries

  return (
    <Stack maw={1100}>
      <Title order={1}>{t('calendar.title')}</Title>
      <Text c="dimmed">{t('calendar.intro')}</Text>
      {mandate.data && mandate.data.installedOn === null && (
        <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light">
          {t('calendar.noInstallation')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Calendar
            locale="fr"
            size="md"
            getDayProps={(date) => ({
              selected: selected === date,
              onClick: () => setSelected(selected === date || !byDay.has(date) ? null : date),
            })}
            renderDay={(date) => {
              const day = Number(date.slice(8, 10))
              return byDay.has(date) ? (
                <Indicator size={8} color="red" offset={-2} aria-label={t('calendar.hasDeadline')}>
                  <div>{day}</div>
                </Indicator>
              ) : (
                <div>{day}</div>
              )
            }}
          />
          <Text size="xs" c="dimmed" mt="xs">
            {t('calendar.clickDay')}
          </Text>
        </Paper>
        <Stack aria-label={t('calendar.list')}>
          {shown.length === 0 && <Text c="dimmed">{t('calendar.empty')}</Text>}
          {groupByMonth(shown).map(([month, items]) => (
            <Stack key={month} gap="xs">
              <Title order={2} size="h5" tt="capitalize">
                {monthFormat.format(new Date(`${month}-01T12:00:00`))}
              </Title>
              {items.map((entry) => {
                const days = daysUntil(entry.dueOn)
                return (
                  <Paper key={`${entry.deadlineId}-${entry.dueOn}`} withBorder p="sm" radius="md" aria-label={entry.title}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={2}>
                        <Text fw={600}>{entry.title}</Text>
                        <Text size="sm">{entry.description}</Text>
                        {entry.windowStart && (
                          <Text size="sm" fw={500}>
                            {t(entry.fromBudgetSession ? 'calendar.windowSession' : 'calendar.windowLegal', {
                              from: formatDate(entry.windowStart),
                              to: formatDate(entry.dueOn),
                            })}
                          </Text>
                        )}
                        {entry.windowStart && <BudgetSessionForm key={`${entry.dueOn}-${entry.fromBudgetSession}`} entry={entry} />}
                        <LegalSources references={entry.legalBasis} />
                        {entry.link && (
                          <Anchor component={Link} to={entry.link} size="xs">
                            {t('calendar.followOn')}
                          </Anchor>
                        )}
                      </Stack>
                      <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                        <Text size="sm" fw={600}>
                          {formatDate(entry.dueOn)}
                        </Text>
                        {entry.doneOn ? (
                          <Badge color="green" variant="light" tt="none">
                            {t('calendar.doneOn', { date: formatDate(entry.doneOn) })}
                          </Badge>
                        ) : (
                          <Badge color={days <= 30 ? 'red' : 'gray'} variant="light" tt="none">
                            {t('calendar.inDays', { count: days })}
                          </Badge>
                        )}
                      </Stack>
                    </Group>
                  </Paper>
                )
              })}
            </Stack>
          ))}
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}
