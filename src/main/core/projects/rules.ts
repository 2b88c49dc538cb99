/**
 * The rules every reader of projects and tasks follows — the list, the project page, « Mes tâches », the planning,
 * the dashboard, the exports, the calendar file and the PDF reports — each stated once here (the funding rule in
 * src/shared/contract/fundings.ts, written in SQL below from its lists).
 */
import { FUNDING_OBTAINED_STATUSES, FUNDING_SENT_STATUSES } from '../../../shared/contract/fundings'
import { PRIORITIES, type Priority } from '../../../shared/contract/projects'
import type { TaskStatus } from '../../../shared/contract/tasks'
import { rankSql, sqlText } from '../db/sql'

/** Progress: tasks done out of all tasks, 0–100, rounded; null for a project without tasks. */
export function progressOf(done: number, all: number): number | null {
  return all === 0 ? null : Math.round((done * 100) / all)
}

/** The one done status of a task: any other is open. */
export function isDone(status: TaskStatus): boolean {
  return status === 'faite'
}

export const DONE_TASK_SQL = `t.status = 'faite'`
export const OPEN_TASK_SQL = `t.status <> 'faite'`

/**
 * Overdue: a task not done whose due date is before today (the mairie's calendar day), over `tasks t`. `today` is
 * how the statement names today: `@today` in prepared statements, `dayLiteral(today)` in drizzle fragments.
 */
export function overdueTaskSql(today: string): string {
  return `(${OPEN_TASK_SQL} AND t.due_on IS NOT NULL AND t.due_on < ${today})`
}

/** Priority order, most urgent first: prioritaire, haute, normale, basse. */
export const PRIORITY_ORDER: readonly Priority[] = [...PRIORITIES].reverse()

export function priorityRank(priority: Priority): number {
  return PRIORITY_ORDER.indexOf(priority)
}

/** The same order in SQL, over a priority column (0 for the most urgent). */
export function priorityRankSql(column = 'p.priority'): string {
  return rankSql(column, PRIORITY_ORDER)
}

const statusList = (statuses: readonly string[]) => `(${statuses.map(sqlText).join(', ')})`

/** Sums of the funding rule over `fundings f`. */
export const FUNDING_REQUESTED_SQL = `coalesce(sum(CASE WHEN f.status IN ${statusList(FUNDING_SENT_STATUSES)} THEN f.requested_cents END), 0)`
export const FUNDING_OBTAINED_SQL = `coalesce(sum(CASE WHEN f.status IN ${statusList(FUNDING_OBTAINED_STATUSES)} THEN coalesce(f.obtained_cents, f.requested_cents) END), 0)`
