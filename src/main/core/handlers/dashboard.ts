/**
 * The dashboard: everything in a handful of aggregate SQL statements (no per-project loop), so that it stays fast
 * for a large commune (2,000 projects, 50,000 tasks: see bench/).
 *
 * Rules:
 * - in progress: status « en cours »; upcoming: « idée », « à l'étude » or « programmé » whose start date is today or
 *   later, or not set yet (a planned project whose start date has passed is late, not upcoming: it shows in the
 *   projects list, not here); finished: « terminé ». Paused and abandoned projects count only in the total.
 * - each list: the 8 first by priority (prioritaire first), then by date — in progress: nearest end date first;
 *   upcoming: nearest start date first; finished: most recently ended first; undated last.
 * - overdue tasks: not done, due before today (oldest first), 10 shown with the total count.
 * - budget and fundings: every project except abandoned ones; fundings requested = every request actually sent
 *   (all statuses but « envisagée »), obtained = granted or paid (the amount obtained, else the amount requested).
 * - indicators: latest and previous measurement by date; the trend follows `lowerIsBetter`.
 * - diagnostic: the latest campaign's live score and blocking points (the existing scoring, diagnostic/read.ts) and
 *   the scores frozen in snapshots, oldest first.
 */
import type Database from 'better-sqlite3'
import type { Dashboard } from '../../../shared/contract'
import { campaignScores, listCampaignRows } from '../diagnostic/read'
import type { HandlerContext, HandlersOf } from '../handler'
import {
  OPEN_TASK_STATUSES_SQL,
  prepared,
  PRIORITY_RANK_SQL,
  PROJECT_SUMMARY_COLUMNS,
  PROJECT_SUMMARY_FROM,
  TASK_COLUMNS,
  TASK_FROM,
  toSummary,
  toTask,
  type SummaryRow,
  type TaskRow,
} from '../exports/queries'
import { NO_DOMAIN } from '../projects/domains'
import { todayOf } from '../today'

const TOP_PROJECTS = 8
const TOP_TASKS = 10

const UPCOMING_SQL = "p.status IN ('idee', 'etude', 'programme') AND (p.start_on IS NULL OR p.start_on >= @today)"

const SQL = {
  counts: `SELECT sum(p.status = 'en_cours') AS inProgress, sum(${UPCOMING_SQL}) AS upcoming, sum(p.status = 'termine') AS finished, count(*) AS total
    FROM projects p`,
  inProgress: `SELECT ${PROJECT_SUMMARY_COLUMNS} FROM ${PROJECT_SUMMARY_FROM} WHERE p.status = 'en_cours'
    ORDER BY ${PRIORITY_RANK_SQL} DESC, p.end_on IS NULL, p.end_on, p.id LIMIT ${TOP_PROJECTS}`,
  upcoming: `SELECT ${PROJECT_SUMMARY_COLUMNS} FROM ${PROJECT_SUMMARY_FROM} WHERE ${UPCOMING_SQL}
    ORDER BY ${PRIORITY_RANK_SQL} DESC, p.start_on IS NULL, p.start_on, p.id LIMIT ${TOP_PROJECTS}`,
  finished: `SELECT ${PROJECT_SUMMARY_COLUMNS} FROM ${PROJECT_SUMMARY_FROM} WHERE p.status = 'termine'
    ORDER BY ${PRIORITY_RANK_SQL} DESC, p.end_on IS NULL, p.end_on DESC, p.id DESC LIMIT ${TOP_PROJECTS}`,
  overdueTasks: `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.status IN ${OPEN_TASK_STATUSES_SQL} AND t.due_on < @today
    ORDER BY t.due_on, t.id LIMIT ${TOP_TASKS}`,
  overdueCount: `SELECT count(*) AS n FROM tasks t WHERE t.status IN ${OPEN_TASK_STATUSES_SQL} AND t.due_on < @today`,
  budget: `SELECT p.domain_id AS domainId, sum(p.budget_planned_cents) AS plannedCents, sum(p.budget_committed_cents) AS committedCents,
      sum(p.budget_spent_cents) AS spentCents
    FROM projects p WHERE p.status <> 'abandonne' GROUP BY p.domain_id`,
  fundings: `SELECT coalesce(sum(CASE WHEN f.status <> 'envisagee' THEN f.requested_cents END), 0) AS requestedCents,
      coalesce(sum(CASE WHEN f.status IN ('accordee', 'versee') THEN coalesce(f.obtained_cents, f.requested_cents) END), 0) AS obtainedCents
    FROM fundings f JOIN projects p ON p.id = f.project_id WHERE p.status <> 'abandonne'`,
  indicators: `SELECT i.id AS id, i.project_id AS projectId, p.title AS projectTitle, i.label AS label, i.unit AS unit,
      i.target_value AS targetValue, i.lower_is_better AS lowerIsBetter
    FROM indicators i JOIN projects p ON p.id = i.project_id WHERE p.status <> 'abandonne' ORDER BY i.id`,
  measurements: `SELECT m.id AS id, m.indicator_id AS indicatorId, m.measured_on AS measuredOn, m.value AS value
    FROM measurements m JOIN indicators i ON i.id = m.indicator_id JOIN projects p ON p.id = i.project_id
    WHERE p.status <> 'abandonne' ORDER BY m.indicator_id, m.measured_on, m.id`,
  history: `SELECT label, taken_at AS at, json_extract(scores, '$.overall.done') AS score FROM snapshots ORDER BY taken_at, id`,
}

type Trend = Dashboard['indicators'][number]['trend']

export function trendOf(latest: number | null, previous: number | null, lowerIsBetter: boolean): Trend {
  if (latest === null || previous === null) return 'unknown'
  if (latest === previous) return 'stable'
  return latest < previous === lowerIsBetter ? 'better' : 'worse'
}

function summaries(sqlite: Database.Database, sql: string, today: string) {
  return (prepared(sqlite, sql).all({ today }) as SummaryRow[]).map(toSummary)
}

function indicatorsOf(sqlite: Database.Database): Dashboard['indicators'] {
  const rows = prepared(sqlite, SQL.indicators).all() as (Omit<
    Dashboard['indicators'][number],
    'measurements' | 'latest' | 'previous' | 'trend' | 'lowerIsBetter'
  > & {
    lowerIsBetter: number
  })[]
  if (rows.length === 0) return []
  const measurements = new Map<number, { id: number; measuredOn: string; value: number }[]>()
  for (const { indicatorId, ...m } of prepared(sqlite, SQL.measurements).all() as {
    id: number
    indicatorId: number
    measuredOn: string
    value: number
  }[]) {
    const list = measurements.get(indicatorId) ?? []
    list.push(m)
    measurements.set(indicatorId, list)
  }
  const fr = (a: string, b: string) => a.localeCompare(b, 'fr')
  rows.sort((a, b) => fr(a.projectTitle, b.projectTitle) || fr(a.label, b.label) || a.id - b.id)
  return rows.map((row) => {
    const list = measurements.get(row.id) ?? []
    const latest = list.at(-1)?.value ?? null
    const previous = list.at(-2)?.value ?? null
    const lowerIsBetter = row.lowerIsBetter === 1
    return { ...row, lowerIsBetter, measurements: list, latest, previous, trend: trendOf(latest, previous, lowerIsBetter) }
  })
}

function diagnosticOf(context: Pick<HandlerContext, 'db' | 'sqlite' | 'referentiel'>): Dashboard['diagnostic'] {
  const latest = listCampaignRows(context.db)[0]
  if (!latest) return null
  const scores = campaignScores(context, context.db, latest.id)
  const history = (prepared(context.sqlite, SQL.history).all() as { label: string; at: string; score: number | null }[]).map((h) => ({
    ...h,
    score: h.score ?? 0,
  }))
  return { campaignId: latest.id, campaignName: latest.name, score: scores.overall.done, blocking: scores.blocking.length, history }
}

export function buildDashboard(context: Pick<HandlerContext, 'db' | 'sqlite' | 'referentiel' | 'now'>): Dashboard {
  const { sqlite } = context
  const today = todayOf(context)
  const counts = prepared(sqlite, SQL.counts).get({ today }) as Record<keyof Dashboard['counts'], number | null>

  const domainTitles = new Map(context.referentiel().referentiel.domains.map((d, i) => [d.id, { title: d.title, order: i }]))
  const budgetRows = prepared(sqlite, SQL.budget).all() as {
    domainId: string | null
    plannedCents: number
    committedCents: number
    spentCents: number
  }[]
  const byDomain = budgetRows
    .map((row) => ({ ...row, title: row.domainId === null ? NO_DOMAIN : (domainTitles.get(row.domainId)?.title ?? row.domainId) }))
    .sort(
      (a, b) =>
        (a.domainId === null ? 1 : 0) - (b.domainId === null ? 1 : 0) ||
        (domainTitles.get(a.domainId ?? '')?.order ?? 999) - (domainTitles.get(b.domainId ?? '')?.order ?? 999) ||
        a.title.localeCompare(b.title, 'fr'),
    )
  const sum = (key: 'plannedCents' | 'committedCents' | 'spentCents') => budgetRows.reduce((total, row) => total + row[key], 0)

  return {
    counts: { inProgress: counts.inProgress ?? 0, upcoming: counts.upcoming ?? 0, finished: counts.finished ?? 0, total: counts.total ?? 0 },
    inProgress: summaries(sqlite, SQL.inProgress, today),
    upcoming: summaries(sqlite, SQL.upcoming, today),
    finished: summaries(sqlite, SQL.finished, today),
    overdueTasks: (prepared(sqlite, SQL.overdueTasks).all({ today }) as TaskRow[]).map(toTask),
    overdueCount: (prepared(sqlite, SQL.overdueCount).get({ today }) as { n: number }).n,
    budget: { plannedCents: sum('plannedCents'), committedCents: sum('committedCents'), spentCents: sum('spentCents'), byDomain },
    fundings: prepared(sqlite, SQL.fundings).get() as Dashboard['fundings'],
    indicators: indicatorsOf(sqlite),
    diagnostic: diagnosticOf(context),
  }
}

export const dashboardHandlers: HandlersOf<'dashboard'> = {
  'dashboard.get': (_input, context) => buildDashboard(context),
}
