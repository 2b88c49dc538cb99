import { Badge, Button, Group, Indicator, Loader, Paper, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core'
import { Calendar } from '@mantine/dates'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { call, errorMessage } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { saveReceivedFile } from '../../lib/files'
import { formatDate, todayIso } from '../../lib/format'
import { Timeline } from './Timeline'

interface DayItem {
  key: string
  date: string
  title: string
  kind: 'task' | 'deadline'
  path: string | null
}

/** The mandate on a timeline, and a calendar of tasks and legal deadlines that can be exported to any calendar. */
export function PlanningPage() {
  const { t } = useTranslation()
  const planning = useApiQuery('planning.get', {})
  const deadlines = useApiQuery('calendar.upcoming', { months: 24 })
  const members = useApiQuery('members.list', {})
  const [month, setMonth] = useState(todayIso().slice(0, 8) + '01')
  const [icsFor, setIcsFor] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)

  if (planning.isError) return <FormError message={planning.error.message} />
  if (!planning.data) return <Loader />

  const items: DayItem[] = [
    ...planning.data.tasks.map((task) => ({
      key: `t${task.id}`,
      date: task.dueOn,
      title: task.title,
      kind: 'task' as const,
      path: `/projets/${task.projectId}?tache=${task.id}`,
    })),
    ...(deadlines.data ?? []).map((d) => ({
      key: `d${d.deadlineId}${d.dueOn}`,
      date: d.dueOn,
      title: d.title,
      kind: 'deadline' as const,
      path: null,
    })),
  ]
  const days = new Set(items.map((i) => i.date))
  const monthItems = items.filter((i) => i.date.slice(0, 7) === month.slice(0, 7)).sort((a, b) => a.date.localeCompare(b.date))

  async function exportIcs() {
    setExporting(true)
    try {
      saveReceivedFile(await call('planning.ics', { memberId: icsFor ? Number(icsFor) : null }))
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    } finally {
      setExporting(false)
    }
  }

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('planning.title')}</Title>
        <Group align="flex-end">
          <Select
            label={t('planning.icsFor')}
            data={[
              { value: '', label: t('planning.everyone') },
              ...(members.data ?? []).map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` })),
            ]}
            value={icsFor ?? ''}
            onChange={(v) => setIcsFor(v || null)}
            allowDeselect={false}
            w={240}
          />
          <Button leftSection={<IconDownload size={16} />} onClick={exportIcs} loading={exporting}>
            {t('planning.exportIcs')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('planning.icsHelp')}
      </Text>
      <Tabs defaultValue="frise" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="frise">{t('planning.timeline')}</Tabs.Tab>
          <Tabs.Tab value="calendrier">{t('planning.calendar')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="frise">
          <Paper withBorder p="md" radius="md">
            {planning.data.projects.length === 0 ? (
              <Text c="dimmed">{t('planning.noProject')}</Text>
            ) : (
              <Timeline planning={planning.data} today={todayIso()} />
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="calendrier">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md" radius="md">
              <Calendar
                locale="fr"
                date={month}
                onDateChange={setMonth}
                renderDay={(date) => {
                  const day = Number(date.slice(8, 10))
                  return days.has(date) ? (
                    <Indicator size={7} color="red" offset={-2}>
                      <div>{day}</div>
                    </Indicator>
                  ) : (
                    <div>{day}</div>
                  )
                }}
              />
            </Paper>
            <Stack gap="xs" aria-label={t('planning.monthItems')}>
              {monthItems.length === 0 && <Text c="dimmed">{t('planning.nothingThisMonth')}</Text>}
              {monthItems.map((item) => (
                <Paper key={item.key} withBorder p="sm" radius="md">
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                      <Badge variant="light" color={item.kind === 'deadline' ? 'red' : 'marianne'} tt="none">
                        {item.kind === 'deadline' ? t('planning.legal') : t('planning.task')}
                      </Badge>
                      {item.path ? (
                        <Text component={Link} to={item.path} size="sm" lineClamp={1}>
                          {item.title}
                        </Text>
                      ) : (
                        <Text size="sm" lineClamp={1}>
                          {item.title}
                        </Text>
                      )}
                    </Group>
                    <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(item.date)}
                    </Text>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </SimpleGrid>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
