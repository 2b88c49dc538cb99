import '../../components/charts/setup'
import { Anchor, Badge, Group, Loader, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PROJECT_STATUS_LABELS, TREND_LABELS, type ProjectSummary } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDate, formatMeasure } from '../../lib/format'
import { formatCents } from '../../lib/money'
import { BudgetBars } from '../../components/charts/BudgetBars'
import { EvolutionBars } from '../../components/charts/EvolutionBars'
import { formatPercent } from '../diagnostic/labels'
import { projectPath, STATUS_COLORS } from '../projects/labels'
import { TrainingDashboardLine } from '../training/DashboardLine'

function Tile({ title, to, children, label }: { title: string; to: string; children: React.ReactNode; label?: string }) {
  return (
    <Paper withBorder p="md" radius="md" aria-label={label ?? title}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        <Anchor component={Link} to={to} size="sm">
          Voir le détail
        </Anchor>
      </Group>
      {children}
    </Paper>
  )
}

function ProjectList({ projects, empty }: { projects: ProjectSummary[]; empty: string }) {
  if (projects.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    )
  return (
    <Stack gap={6}>
      {projects.map((p) => (
        <Group key={p.id} justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={projectPath(p.id)} size="sm" lineClamp={1}>
            {p.title}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            {p.progress !== null && <Progress value={p.progress} w={60} aria-hidden />}
            <Badge size="sm" variant="light" color={STATUS_COLORS[p.status]} tt="none">
              {PROJECT_STATUS_LABELS[p.status]}
            </Badge>
          </Group>
        </Group>
      ))}
    </Stack>
  )
}

/** The four counts the home page opens with, each a link to its list. */
export function DashboardCounters() {
  const { t } = useTranslation()
  const dashboard = useApiQuery('dashboard.get', {})
  if (!dashboard.data) return null
  const d = dashboard.data
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} aria-label={t('dashboard.counters')}>
      {(
        [
          [t('dashboard.inProgress'), d.counts.inProgress, '/projets'],
          [t('dashboard.upcoming'), d.counts.upcoming, '/projets'],
          [t('dashboard.finished'), d.counts.finished, '/projets'],
          [t('dashboard.overdue'), d.overdueCount, '/mes-taches'],
        ] as const
      ).map(([label, value, to]) => (
        <Paper
          key={label}
          withBorder
          px="md"
          py="sm"
          radius="md"
          component={Link}
          to={to}
          style={{ textDecoration: 'none', color: 'inherit' }}
          aria-label={label}
        >
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text fz={28} fw={700} lh={1.2} c={to === '/mes-taches' && value > 0 ? 'red.8' : undefined}>
            {value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}

const TREND_COLORS = { better: 'green', worse: 'red', stable: 'gray', unknown: 'gray' } as const

/**
 * The commune at a glance below the counts: priorities, late tasks, money, impact, the diagnostic. Every tile leads to
 * its detail.
 */
export function Dashboard() {
  const { t } = useTranslation()
  const dashboard = useApiQuery('dashboard.get', {})
  if (dashboard.isError) return <FormError message={dashboard.error.message} />
  if (!dashboard.data) return <Loader />
  const d = dashboard.data
  const budget = d.budget

  return (
    <Stack gap="md" aria-label={t('dashboard.title')}>
      {d.training && <TrainingDashboardLine training={d.training} />}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Tile title={t('dashboard.inProgress')} to="/projets">
          <ProjectList projects={d.inProgress} empty={t('dashboard.none')} />
        </Tile>
        <Tile title={t('dashboard.upcoming')} to="/projets">
          <ProjectList projects={d.upcoming} empty={t('dashboard.none')} />
        </Tile>
        <Tile title={t('dashboard.finished')} to="/projets">
          <ProjectList projects={d.finished} empty={t('dashboard.none')} />
        </Tile>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Tile title={t('dashboard.budget')} to="/projets">
          <SimpleGrid cols={3} mb="sm">
            {[
              [t('projects.fields.planned'), budget.plannedCents],
              [t('projects.fields.committed'), budget.committedCents],
              [t('projects.fields.spent'), budget.spentCents],
            ].map(([label, cents]) => (
              <Stack key={label as string} gap={0}>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text fw={700}>{formatCents(cents as number)}</Text>
              </Stack>
            ))}
          </SimpleGrid>
          {budget.byDomain.some((row) => row.plannedCents + row.committedCents + row.spentCents > 0) && (
            <BudgetBars rows={budget.byDomain.slice(0, 8).map((row) => ({ ...row, label: row.title }))} />
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {t('dashboard.fundings', { requested: formatCents(d.fundings.requestedCents), obtained: formatCents(d.fundings.obtainedCents) })}
          </Text>
        </Tile>
        <Tile title={t('dashboard.overdueTasks')} to="/mes-taches">
          {d.overdueTasks.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noOverdue')}
            </Text>
          ) : (
            <Stack gap={6}>
              {d.overdueTasks.map((task) => (
                <Group key={task.id} justify="space-between" wrap="nowrap">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/projets/${task.projectId}?tache=${task.id}`} size="sm" lineClamp={1}>
                      {task.title}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {task.assigneeName ?? t('tasks.unassigned')} · {task.projectTitle}
                    </Text>
                  </Stack>
                  <Text size="xs" c="red.8" style={{ whiteSpace: 'nowrap' }}>
                    {task.dueOn ? formatDate(task.dueOn) : ''}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Tile>
        <Tile title={t('dashboard.indicators')} to="/projets">
          {d.indicators.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noIndicator')}
            </Text>
          ) : (
            <Stack gap={6}>
              {d.indicators.slice(0, 6).map((indicator) => (
                <Group key={indicator.id} justify="space-between" wrap="nowrap">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={projectPath(indicator.projectId)} size="sm" lineClamp={1}>
                      {indicator.label}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {indicator.projectTitle}
                    </Text>
                  </Stack>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {formatMeasure(indicator.latest, indicator.unit)}
                    </Text>
                    <Badge size="sm" variant="light" color={TREND_COLORS[indicator.trend]} tt="none">
                      {TREND_LABELS[indicator.trend]}
                    </Badge>
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </Tile>
        <Tile title={t('dashboard.diagnostic')} to="/diagnostic">
          {d.diagnostic === null ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noDiagnostic')}
            </Text>
          ) : (
            <Stack gap={4}>
              <Group gap="lg">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {d.diagnostic.campaignName}
                  </Text>
                  <Text fz={26} fw={700}>
                    {formatPercent(d.diagnostic.score)}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('diagnostic.blockingTitle')}
                  </Text>
                  <Text fz={26} fw={700} c={d.diagnostic.unmet > 0 ? 'red.8' : 'green.8'} data-testid="dashboard-unmet">
                    {d.diagnostic.unmet}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('diagnostic.toAnswerTitle')}
                  </Text>
                  <Text fz={26} fw={700} c={d.diagnostic.toAnswer > 0 ? 'orange.9' : 'green.8'} data-testid="dashboard-to-answer">
                    {d.diagnostic.toAnswer}
                  </Text>
                </Stack>
              </Group>
              {d.diagnostic.history.length > 0 && (
                <EvolutionBars
                  labels={[t('dashboard.score')]}
                  series={[
                    ...d.diagnostic.history.slice(-2).map((h) => ({ label: `${h.label} (${formatDate(h.at)})`, values: [h.score] })),
                    { label: t('dashboard.today'), values: [d.diagnostic.score] },
                  ]}
                />
              )}
            </Stack>
          )}
        </Tile>
      </SimpleGrid>
    </Stack>
  )
}
