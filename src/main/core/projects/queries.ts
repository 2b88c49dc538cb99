/**
 * The read model of projects and tasks — what the project handlers, the dashboard, the exports, the planning, the
 * calendar file and « Mes tâches » read: project summaries with their task counts in one SQL query, task lists with
 * their project and assignee, a project's whole detail. The rules (progress, overdue, priority order, funding) are
 * in rules.ts.
 */
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { type ProjectAction } from '../../../shared/contract/actions'
import { type Indicator } from '../../../shared/contract/indicators'
import { PROJECT_SORTS, PROJECT_STATUSES, type ProjectDetail, type ProjectStatus, type ProjectSummary } from '../../../shared/contract/projects'
import { checklistItemSchema, type Task } from '../../../shared/contract/tasks'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { dayLiteral, frenchSortKey, likePattern, listOf, rankOf } from '../db/sql'
import {
  attachments,
  comments,
  fundings,
  indicators,
  measurements,
  members,
  projectActions,
  projectCriteria,
  projectParticipants,
  projects,
  projectThemes,
  tasks,
} from '../db/schema'
import { DONE_TASK_SQL, OPEN_TASK_SQL, overdueTaskSql, priorityRankSql, progressOf } from './rules'

export type ProjectRow = typeof projects.$inferSelect
export type TaskRow = typeof tasks.$inferSelect
export type ProjectSort = (typeof PROJECT_SORTS)[number]
/** The list's sorts, and the dashboard's: the most urgent first, then by date. */
export type ProjectOrder = ProjectSort | 'urgentByEnd' | 'urgentByStart' | 'urgentByLatestEnd'

export interface ProjectFilter {
  status?: readonly ProjectStatus[]
  domainId?: string | null
  referentMemberId?: number | null
  /** Words searched in the title and the description (LIKE, case-insensitive for ASCII letters). */
  query?: string
  /** Only these projects (any order of the ids; the sort applies). */
  ids?: readonly number[]
  /** Only projects starting on this day or later, or without a start date. */
  notStartedBefore?: string
  sort?: ProjectOrder
  page?: number
  /** Omit for every project (the dashboard, the exports). */
  pageSize?: number | null
}

const TITLE = frenchSortKey('p.title')

const URGENT = sql.raw(priorityRankSql('p.priority'))

const ORDERS: Record<ProjectOrder, SQL> = {
  updated: sql`p.updated_at DESC, p.id DESC`,
  title: sql`${TITLE}, p.id`,
  // Most urgent first.
  priority: sql`${URGENT}, p.updated_at DESC, p.id DESC`,
  // The nearest end first, projects without an end last.
  endOn: sql`p.end_on IS NULL, p.end_on, ${TITLE}, p.id`,
  status: sql`${rankOf('p.status', PROJECT_STATUSES)}, ${TITLE}, p.id`,
  // The dashboard's lists: in progress by nearest end, upcoming by nearest start, finished most recently ended first.
  urgentByEnd: sql`${URGENT}, p.end_on IS NULL, p.end_on, p.id`,
  urgentByStart: sql`${URGENT}, p.start_on IS NULL, p.start_on, p.id`,
  urgentByLatestEnd: sql`${URGENT}, p.end_on IS NULL, p.end_on DESC, p.id DESC`,
}

function projectWhere(filter: ProjectFilter): SQL {
  const conditions: SQL[] = [sql`1 = 1`]
  if (filter.status && filter.status.length > 0) conditions.push(sql`p.status IN (${listOf(filter.status)})`)
  if (filter.domainId) conditions.push(sql`p.domain_id = ${filter.domainId}`)
  if (filter.referentMemberId) conditions.push(sql`p.referent_member_id = ${filter.referentMemberId}`)
  if (filter.ids) conditions.push(filter.ids.length > 0 ? sql`p.id IN (${listOf(filter.ids)})` : sql`0 = 1`)
  if (filter.notStartedBefore) conditions.push(sql`(p.start_on IS NULL OR p.start_on >= ${filter.notStartedBefore})`)
  const query = filter.query?.trim() ?? ''
  if (query !== '') {
    const pattern = likePattern(query)
    conditions.push(sql`(p.title LIKE ${pattern} ESCAPE '\\' OR p.description LIKE ${pattern} ESCAPE '\\')`)
  }
  return sql.join(conditions, sql` AND `)
}

interface SummarySqlRow {
  total: number
  id: number | null
  title: string
  status: ProjectStatus
  priority: ProjectSummary['priority']
  domainId: string | null
  referentMemberId: number | null
  referentName: string | null
  startOn: string | null
  endOn: string | null
  budgetPlannedCents: number
  budgetCommittedCents: number
  budgetSpentCents: number
  updatedAt: string
  taskCount: number | null
  doneTasks: number | null
  overdueTasks: number | null
}

/**
 * Project summaries (referent's name, progress, open and overdue tasks) filtered, sorted and paginated, with the
 * total before pagination — ONE SQL query: the page is chosen first, then the tasks of that page only are counted
 * (through the `tasks_project` index). `today` (YYYY-MM-DD, local date) decides what is overdue.
 */
export function projectSummaries(db: Db, filter: ProjectFilter, today: string): { items: ProjectSummary[]; total: number } {
  const order = ORDERS[filter.sort ?? 'updated']
  const pageSize = filter.pageSize ?? null
  const offset = pageSize === null ? 0 : ((filter.page ?? 1) - 1) * pageSize
  const pageLimit = pageSize === null ? sql`` : sql`AND rn <= ${offset + pageSize}`
  const rows = db.all<SummarySqlRow>(sql`
    WITH filtered AS (
      SELECT p.id, row_number() OVER (ORDER BY ${order}) AS rn
      FROM projects p
      WHERE ${projectWhere(filter)}
    ),
    page AS (SELECT id, rn FROM filtered WHERE rn > ${offset} ${pageLimit}),
    counts AS (
      SELECT t.project_id,
        count(*) AS taskCount,
        sum(${sql.raw(DONE_TASK_SQL)}) AS doneTasks,
        sum(${sql.raw(overdueTaskSql(dayLiteral(today)))}) AS overdueTasks
      FROM tasks t
      WHERE t.project_id IN (SELECT id FROM page)
      GROUP BY t.project_id
    )
    SELECT (SELECT count(*) FROM filtered) AS total,
      p.id, p.title, p.status, p.priority, p.domain_id AS domainId, p.referent_member_id AS referentMemberId,
      CASE WHEN rm.id IS NULL THEN NULL ELSE rm.first_name || ' ' || rm.last_name END AS referentName,
      p.start_on AS startOn, p.end_on AS endOn,
      p.budget_planned_cents AS budgetPlannedCents, p.budget_committed_cents AS budgetCommittedCents,
      p.budget_spent_cents AS budgetSpentCents, p.updated_at AS updatedAt,
      c.taskCount, c.doneTasks, c.overdueTasks
    FROM (SELECT 1) AS one
    LEFT JOIN page ON 1 = 1
    LEFT JOIN projects p ON p.id = page.id
    LEFT JOIN members rm ON rm.id = p.referent_member_id
    LEFT JOIN counts c ON c.project_id = p.id
    ORDER BY page.rn
  `)
  const total = rows[0]?.total ?? 0
  const items = rows
    .filter((r) => r.id !== null)
    .map(({ total: _total, taskCount, doneTasks, overdueTasks, id, ...r }) => {
      const all = taskCount ?? 0
      const done = doneTasks ?? 0
      return { id: id!, ...r, progress: progressOf(done, all), openTasks: all - done, overdueTasks: overdueTasks ?? 0 }
    })
  return { items, total }
}

export function getProjectRow(db: Db, id: number): ProjectRow {
  const row = db.select().from(projects).where(eq(projects.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Ce projet n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

/** A change to a project's children is a change to the project: it moves up in the « récemment modifiés » sort. */
export function touchProject(db: Db, projectId: number, at: string): void {
  db.update(projects).set({ updatedAt: at }).where(eq(projects.id, projectId)).run()
}

/** Refuses a member id that is not (or no longer) in the team. */
export function assertMemberExists(db: Db, memberId: number, path: string): void {
  if (!db.select({ id: members.id }).from(members).where(eq(members.id, memberId)).get()) {
    const message = "Cette personne ne fait plus partie de l'équipe : la liste a peut-être été modifiée entre-temps."
    throw new AppError('NOT_FOUND', message, [{ path, message }])
  }
}

/* ─── Tasks ─────────────────────────────────────────────────────────────────────────── */

export interface TaskFilter {
  projectId?: number
  taskIds?: readonly number[]
  assigneeMemberId?: number
  /** Done tasks are left out unless true. */
  includeDone?: boolean
  overdueOnly?: boolean
  withDueDate?: boolean
  /**
   * `urgency`: overdue first, then by due date (none last), then project title (« Mes tâches » reads the same order a
   * page at a time, projects/member-tasks.ts);
   * `dueDate` (a project's page): by due date (none last).
   */
  order?: 'urgency' | 'dueDate'
  limit?: number
}

/** A task row as SQL gives it, before `toTask`. */
export interface TaskSqlRow extends Omit<Task, 'checklist' | 'overdue'> {
  checklist: string
  overdue: number
}

/**
 * The columns of a Task over TASKS_FROM_SQL, as SQL text (also read by the prepared statements of « Mes tâches »).
 * `today` as for `overdueTaskSql`.
 */
export function taskColumnsSql(today: string): string {
  return `t.id AS id, t.project_id AS projectId, p.title AS projectTitle, t.action_id AS actionId, t.title AS title,
    t.description AS description, t.assignee_member_id AS assigneeMemberId,
    CASE WHEN am.id IS NULL THEN NULL ELSE am.first_name || ' ' || am.last_name END AS assigneeName,
    t.due_on AS dueOn, t.status AS status, t.checklist AS checklist, t.created_at AS createdAt, t.completed_at AS completedAt,
    ${overdueTaskSql(today)} AS overdue`
}
export const TASKS_FROM_SQL = 'tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN members am ON am.id = t.assignee_member_id'

const checklistSchema = checklistItemSchema.array()

/** A stored checklist, validated: anything unreadable counts as an empty list rather than breaking the page. */
export function parseChecklist(text: string): Task['checklist'] {
  try {
    const parsed = checklistSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

export function toTask(row: TaskSqlRow): Task {
  return { ...row, checklist: parseChecklist(row.checklist), overdue: row.overdue === 1 }
}

function taskWhere(filter: TaskFilter, today: string): SQL {
  const conditions: SQL[] = [sql`1 = 1`]
  if (filter.projectId !== undefined) conditions.push(sql`t.project_id = ${filter.projectId}`)
  if (filter.taskIds !== undefined) conditions.push(filter.taskIds.length > 0 ? sql`t.id IN (${listOf(filter.taskIds)})` : sql`0 = 1`)
  if (filter.assigneeMemberId !== undefined) conditions.push(sql`t.assignee_member_id = ${filter.assigneeMemberId}`)
  if (!filter.includeDone) conditions.push(sql.raw(OPEN_TASK_SQL))
  if (filter.overdueOnly) conditions.push(sql.raw(overdueTaskSql(dayLiteral(today))))
  if (filter.withDueDate) conditions.push(sql`t.due_on IS NOT NULL`)
  return sql.join(conditions, sql` AND `)
}

/** Tasks with their project's title, the assignee's name and `overdue` (due before `today`, not done). */
export function taskList(db: Db, filter: TaskFilter, today: string): Task[] {
  const order = filter.order === 'urgency' ? sql`overdue DESC, t.due_on IS NULL, t.due_on, ${TITLE}, t.id` : sql`t.due_on IS NULL, t.due_on, t.id`
  const limit = filter.limit === undefined ? sql`` : sql`LIMIT ${filter.limit}`
  const rows = db.all<TaskSqlRow>(sql`
    SELECT ${sql.raw(taskColumnsSql(dayLiteral(today)))}
    FROM ${sql.raw(TASKS_FROM_SQL)}
    WHERE ${taskWhere(filter, today)}
    ORDER BY ${order}
    ${limit}
  `)
  return rows.map(toTask)
}

/** How many tasks `taskList` would give without a limit. */
export function countTasks(db: Db, filter: Omit<TaskFilter, 'order' | 'limit'>, today: string): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM tasks t WHERE ${taskWhere(filter, today)}`)!.n
}

/** One task as the contract returns it. */
export function taskById(db: Db, id: number, today: string): Task {
  const task = taskList(db, { taskIds: [id], includeDone: true }, today)[0]
  if (!task) throw new AppError('NOT_FOUND', "Cette tâche n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return task
}

/* ─── A project's children ─────────────────────────────────────────────────────────── */

export function toAction(row: typeof projectActions.$inferSelect): ProjectAction {
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    description: row.description,
    startOn: row.startOn,
    dueOn: row.dueOn,
    status: row.status,
  }
}

export function toAttachment(row: typeof attachments.$inferSelect): ProjectDetail['attachments'][number] {
  return {
    id: row.id,
    projectId: row.projectId,
    taskId: row.taskId,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    addedAt: row.addedAt,
    addedBy: row.addedBy,
  }
}

export function toComment(row: typeof comments.$inferSelect): ProjectDetail['comments'][number] {
  return { id: row.id, projectId: row.projectId, taskId: row.taskId, body: row.body, authorName: row.authorName, createdAt: row.createdAt }
}

export function toFunding(row: typeof fundings.$inferSelect): ProjectDetail['fundings'][number] {
  return { ...row }
}

/** Participants with the current name of the team members among them (the stored name for the others). */
export function participantsOf(db: Db, projectId: number): ProjectDetail['participants'] {
  return db
    .select({
      id: projectParticipants.id,
      memberId: projectParticipants.memberId,
      name: sql<string>`coalesce(${members.firstName} || ' ' || ${members.lastName}, ${projectParticipants.name})`,
      role: projectParticipants.role,
    })
    .from(projectParticipants)
    .leftJoin(members, eq(members.id, projectParticipants.memberId))
    .where(eq(projectParticipants.projectId, projectId))
    .orderBy(asc(projectParticipants.id))
    .all()
}

/** Which indicators: those of some projects, or of every project not abandoned (the dashboard). */
export type IndicatorScope = { projectIds: readonly number[] } | { activeProjects: true }

/** Indicators with their measurements sorted by date. */
export function indicatorsOf(db: Db, scope: IndicatorScope): Indicator[] {
  const where =
    'projectIds' in scope
      ? inArray(indicators.projectId, [...scope.projectIds])
      : sql`${indicators.projectId} IN (SELECT id FROM projects WHERE status <> 'abandonne')`
  const rows = db.select().from(indicators).where(where).orderBy(asc(indicators.id)).all()
  if (rows.length === 0) return []
  const byIndicator = new Map<number, Indicator['measurements']>()
  const values = db
    .select()
    .from(measurements)
    .where(sql`${measurements.indicatorId} IN (SELECT id FROM indicators WHERE ${where})`)
    .orderBy(asc(measurements.measuredOn), asc(measurements.id))
    .all()
  for (const m of values) {
    const list = byIndicator.get(m.indicatorId) ?? []
    list.push({ id: m.id, measuredOn: m.measuredOn, value: m.value })
    byIndicator.set(m.indicatorId, list)
  }
  return rows.map((row) => ({ ...row, measurements: byIndicator.get(row.id) ?? [] }))
}

export function indicatorById(db: Db, id: number): Indicator & { projectId: number } {
  const row = db.select().from(indicators).where(eq(indicators.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cet indicateur n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return indicatorsOf(db, { projectIds: [row.projectId] }).find((i) => i.id === id)!
}

export function themeIdsOf(db: Db, projectId: number): string[] {
  return db
    .select({ id: projectThemes.themeId })
    .from(projectThemes)
    .where(eq(projectThemes.projectId, projectId))
    .orderBy(asc(projectThemes.themeId))
    .all()
    .map((r) => r.id)
}

export function criterionIdsOf(db: Db, projectId: number): string[] {
  return db
    .select({ id: projectCriteria.criterionId })
    .from(projectCriteria)
    .where(eq(projectCriteria.projectId, projectId))
    .orderBy(asc(projectCriteria.criterionId))
    .all()
    .map((r) => r.id)
}

/** Everything about one project, as `projects.get` returns it. */
export function projectDetail(db: Db, id: number, today: string): ProjectDetail {
  const row = getProjectRow(db, id)
  const summary = projectSummaries(db, { ids: [id] }, today).items[0]!
  return {
    ...summary,
    description: row.description,
    themeIds: themeIdsOf(db, id),
    criterionIds: criterionIdsOf(db, id),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    participants: participantsOf(db, id),
    actions: db
      .select()
      .from(projectActions)
      .where(eq(projectActions.projectId, id))
      .orderBy(asc(projectActions.sortOrder), asc(projectActions.id))
      .all()
      .map(toAction),
    tasks: taskList(db, { projectId: id, includeDone: true, order: 'dueDate' }, today),
    comments: db.select().from(comments).where(eq(comments.projectId, id)).orderBy(asc(comments.createdAt), asc(comments.id)).all().map(toComment),
    attachments: db
      .select()
      .from(attachments)
      .where(eq(attachments.projectId, id))
      .orderBy(asc(attachments.addedAt), asc(attachments.id))
      .all()
      .map(toAttachment),
    fundings: db.select().from(fundings).where(eq(fundings.projectId, id)).orderBy(asc(fundings.id)).all().map(toFunding),
    indicators: indicatorsOf(db, { projectIds: [id] }),
  }
}

/** A task named with a project must be one of its tasks. */
export function assertTaskInProject(db: Db, taskId: number, projectId: number): void {
  const task = db.select({ projectId: tasks.projectId }).from(tasks).where(eq(tasks.id, taskId)).get()
  if (!task) {
    const message = "Cette tâche n'existe plus : la liste a peut-être été modifiée entre-temps."
    throw new AppError('NOT_FOUND', message, [{ path: 'taskId', message }])
  }
  if (task.projectId !== projectId) {
    const message = 'Cette tâche appartient à un autre projet.'
    throw new AppError('CONFLICT', message, [{ path: 'taskId', message }])
  }
}
