/**
 * Read-side SQL shared by the dashboard and the exports: project summaries and task rows with their derived fields
 * (progress, open and overdue counts, names), computed by SQLite in one statement rather than row by row.
 * A task is overdue when it is not done and its due date is before today (the mairie's calendar day).
 */
import type Database from 'better-sqlite3'
import type { ProjectSummary, Task } from '../../../shared/contract'

/** Priority as a number, highest first when sorted descending. */
export const PRIORITY_RANK_SQL = "CASE p.priority WHEN 'prioritaire' THEN 4 WHEN 'haute' THEN 3 WHEN 'normale' THEN 2 ELSE 1 END"

export const OPEN_TASK_STATUSES_SQL = "('a_faire', 'en_cours', 'bloquee')"

/** Columns of a ProjectSummary over `projects p`; needs @today. */
export const PROJECT_SUMMARY_COLUMNS = `p.id AS id, p.title AS title, p.status AS status, p.priority AS priority, p.domain_id AS domainId,
  p.referent_member_id AS referentMemberId, CASE WHEN rm.id IS NULL THEN NULL ELSE rm.first_name || ' ' || rm.last_name END AS referentName,
  p.start_on AS startOn, p.end_on AS endOn, p.budget_planned_cents AS budgetPlannedCents, p.budget_committed_cents AS budgetCommittedCents,
  p.budget_spent_cents AS budgetSpentCents, p.updated_at AS updatedAt,
  (SELECT count(*) FROM tasks t WHERE t.project_id = p.id) AS taskCount,
  (SELECT count(*) FROM tasks t WHERE t.project_id = p.id AND t.status = 'faite') AS doneCount,
  (SELECT count(*) FROM tasks t WHERE t.project_id = p.id AND t.status IN ${OPEN_TASK_STATUSES_SQL} AND t.due_on < @today) AS overdueTasks`

export const PROJECT_SUMMARY_FROM = 'projects p LEFT JOIN members rm ON rm.id = p.referent_member_id'

export interface SummaryRow extends Omit<ProjectSummary, 'progress' | 'openTasks'> {
  taskCount: number
  doneCount: number
}

export function toSummary({ taskCount, doneCount, ...row }: SummaryRow): ProjectSummary {
  return { ...row, progress: taskCount === 0 ? null : Math.round((doneCount * 100) / taskCount), openTasks: taskCount - doneCount }
}

/** Columns of a Task over `tasks t JOIN projects p`; needs @today. */
export const TASK_COLUMNS = `t.id AS id, t.project_id AS projectId, p.title AS projectTitle, t.action_id AS actionId, t.title AS title,
  t.description AS description, t.assignee_member_id AS assigneeMemberId,
  CASE WHEN am.id IS NULL THEN NULL ELSE am.first_name || ' ' || am.last_name END AS assigneeName,
  t.due_on AS dueOn, t.status AS status, t.checklist AS checklist, t.created_at AS createdAt, t.completed_at AS completedAt,
  (t.status <> 'faite' AND t.due_on IS NOT NULL AND t.due_on < @today) AS overdue`

export const TASK_FROM = 'tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN members am ON am.id = t.assignee_member_id'

export interface TaskRow extends Omit<Task, 'checklist' | 'overdue'> {
  checklist: string
  overdue: number
}

function parseChecklist(text: string): Task['checklist'] {
  try {
    const parsed = JSON.parse(text) as unknown
    return Array.isArray(parsed) ? (parsed as Task['checklist']) : []
  } catch {
    return []
  }
}

export function toTask(row: TaskRow): Task {
  return { ...row, checklist: parseChecklist(row.checklist), overdue: row.overdue === 1 }
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** Prepared once per connection. */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite)
  if (!cache) statements.set(sqlite, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)))
  return statement
}
