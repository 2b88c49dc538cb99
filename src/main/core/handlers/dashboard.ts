/**
 * The dashboard: everything in a handful of SQL statements of the projects' read model (no per-project loop), so that it stays fast
 * for a large commune (2,000 projects, 50,000 tasks: see bench/).
 *
 * Rules:
 * - in progress: status « en cours »; upcoming: « idée », « à l'étude » or « programmé » whose start date is today or
 *   later, or not set yet (a planned project whose start date has passed is late, not upcoming: it shows in the
 *   projects list, not here); finished: « terminé ». Paused and abandoned projects count only in the total.
 * - each list: the 8 first by priority (prioritaire first), then by date — in progress: nearest end date first;
 *   upcoming: nearest start date first; finished: most recently ended first; undated last.
 * - overdue tasks (the rule of projects/rules.ts): oldest first, 10 shown with the total count.
 * - budget and fundings: every project except abandoned ones; fundings follow the funding rule
 *   (src/shared/contract/fundings.ts).
 * - indicators: latest and previous measurement by date; the trend follows `lowerIsBetter`.
 * - diagnostic: the latest campaign's live score and blocking points (the existing scoring, diagnostic/read.ts) and
 *   the scores frozen in snapshots, oldest first.
 */
import { sql } from 'drizzle-orm'
import type { Dashboard } from '../../../shared/contract'
import { obligationCounts } from '../../../shared/diagnostic-counts'
import type { Db } from '../db/open'
import { campaignScores, listCampaignRows } from '../diagnostic/read'
import type { HandlerContext, HandlersOf } from '../handler'
import { trainingDashboard } from '../training/queries'
import { NO_DOMAIN } from '../projects/domains'
import { countTasks, indicatorsOf, projectSummaries, taskList, type ProjectFilter } from '../projects/queries'
import { FUNDING_OBTAINED_SQL, FUNDING_REQUESTED_SQL } from '../projects/rules'
import { todayOf } from '../today'

const TOP_PROJECTS = 8
const TOP_TASKS = 10

const ACTIVE = sql.raw("p.status <> 'abandonne'")

type Trend = Dashboard['indicators'][number]['trend']

export function trendOf(latest: number | null, previous: number | null, lowerIsBetter: boolean): Trend {
  if (latest === null || previous === null) return 'unknown'
  if (latest === previous) return 'stable'
  return latest < previous === lowerIsBetter ? 'better' : 'worse'
}

/** The dashboard's three lists, the 8 most urgent of each, with how many there are. */
function topProjects(db: Db, filter: ProjectFilter, today: string) {
  return projectSummaries(db, { ...filter, page: 1, pageSize: TOP_PROJECTS }, today)
}

function dashboardIndicators(db: Db): Dashboard['indicators'] {
  const list = indicatorsOf(db, { activeProjects: true })
  if (list.length === 0) return []
  const titles = new Map(db.all<{ id: number; title: string }>(sql`SELECT id, title FROM projects p WHERE ${ACTIVE}`).map((p) => [p.id, p.title]))
  const fr = (a: string, b: string) => a.localeCompare(b, 'fr')
  return list
    .map((indicator) => {
      const latest = indicator.measurements.at(-1)?.value ?? null
      const previous = indicator.measurements.at(-2)?.value ?? null
      const trend = trendOf(latest, previous, indicator.lowerIsBetter)
      return { ...indicator, projectTitle: titles.get(indicator.projectId) ?? '', latest, previous, trend }
    })
    .sort((a, b) => fr(a.projectTitle, b.projectTitle) || fr(a.label, b.label) || a.id - b.id)
}

function diagnosticOf(context: Pick<HandlerContext, 'db' | 'referentiel' | 'now'>): Dashboard['diagnostic'] {
  const latest = listCampaignRows(context.db)[0]
  if (!latest) return null
  const scores = campaignScores(context, context.db, latest.id)
  const history = context.db
    .all<{ label: string; at: string; score: number | null }>(
      sql`SELECT label, taken_at AS at, json_extract(scores, '$.overall.done') AS score FROM snapshots ORDER BY taken_at, id`,
    )
    .map((h) => ({ ...h, score: h.score ?? 0 }))
  return { campaignId: latest.id, campaignName: latest.name, score: scores.overall.done, ...obligationCounts(scores.blocking), history }
}

export function buildDashboard(context: Pick<HandlerContext, 'db' | 'referentiel' | 'now'>): Dashboard {
  const { db } = context
  const today = todayOf(context)
  const inProgress = topProjects(db, { status: ['en_cours'], sort: 'urgentByEnd' }, today)
  const upcoming = topProjects(db, { status: ['idee', 'etude', 'programme'], notStartedBefore: today, sort: 'urgentByStart' }, today)
  const finished = topProjects(db, { status: ['termine'], sort: 'urgentByLatestEnd' }, today)
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM projects`)!.n

  const domainTitles = new Map(context.referentiel().referentiel.domains.map((d, i) => [d.id, { title: d.title, order: i }]))
  const budgetRows = db.all<{ domainId: string | null; plannedCents: number; committedCents: number; spentCents: number }>(
    sql`SELECT p.domain_id AS domainId, sum(p.budget_planned_cents) AS plannedCents, sum(p.budget_committed_cents) AS committedCents,
        sum(p.budget_spent_cents) AS spentCents
      FROM projects p WHERE ${ACTIVE} GROUP BY p.domain_id`,
  )
  const byDomain = budgetRows
    .map((row) => ({ ...row, title: row.domainId === null ? NO_DOMAIN : (domainTitles.get(row.domainId)?.title ?? row.domainId) }))
    .sort(
      (a, b) =>
        (a.domainId === null ? 1 : 0) - (b.domainId === null ? 1 : 0) ||
        (domainTitles.get(a.domainId ?? '')?.order ?? 999) - (domainTitles.get(b.domainId ?? '')?.order ?? 999) ||
        a.title.localeCompare(b.title, 'fr'),
    )
  const sum = (key: 'plannedCents' | 'committedCents' | 'spentCents') => budgetRows.reduce((all, row) => all + row[key], 0)
  const fundings = db.get<Dashboard['fundings']>(
    sql`SELECT ${sql.raw(FUNDING_REQUESTED_SQL)} AS requestedCents, ${sql.raw(FUNDING_OBTAINED_SQL)} AS obtainedCents
      FROM fundings f JOIN projects p ON p.id = f.project_id WHERE ${ACTIVE}`,
  )!

  return {
    counts: { inProgress: inProgress.total, upcoming: upcoming.total, finished: finished.total, total },
    inProgress: inProgress.items,
    upcoming: upcoming.items,
    finished: finished.items,
    overdueTasks: taskList(db, { overdueOnly: true, order: 'dueDate', limit: TOP_TASKS }, today),
    overdueCount: countTasks(db, { overdueOnly: true }, today),
    budget: { plannedCents: sum('plannedCents'), committedCents: sum('committedCents'), spentCents: sum('spentCents'), byDomain },
    fundings,
    indicators: dashboardIndicators(db),
    diagnostic: diagnosticOf(context),
    training: trainingDashboard(context),
  }
}

export const dashboardHandlers: HandlersOf<'dashboard'> = {
  'dashboard.get': (_input, context) => buildDashboard(context),
}
