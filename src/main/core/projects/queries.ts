/**
 * What the project handlers (and the dashboard, exports, planning) read: project summaries with their task counts in
 * one SQL query, task lists with their project and assignee, a project's whole detail.
 */
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { type ProjectAction } from '../../../shared/contract/actions'
import { type Indicator } from '../../../shared/contract/indicators'
import {
  PRIORITIES,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  type ProjectDetail,
  type ProjectStatus,
  type ProjectSummary,
} from '../../../shared/contract/projects'
import { checklistItemSchema, type Task, type TaskStatus } from '../../../shared/contract/tasks'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
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

export type ProjectRow = typeof projects.$inferSelect
export type TaskRow = typeof tasks.$inferSelect
export type ProjectSort = (typeof PROJECT_SORTS)[number]

export interface ProjectFilter {
  status?: readonly ProjectStatus[]
  domainId?: string | null
  referentMemberId?: number | null
  /** Words searched in the title and the description (LIKE, case-insensitive for ASCII letters). */
  query?: string
  /** Only these projects (any order of the ids; the sort applies). */
  ids?: readonly number[]
  sort?: ProjectSort
  page?: number
  /** Omit for every project (the dashboard, the exports). */
  pageSize?: number | null
}

function listOf<T>(values: readonly T[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )
}

function rankOf(column: SQL, values: readonly string[]): SQL {
  return sql`CASE ${column} ${sql.join(
    values.map((v, i) => sql`WHEN ${v} THEN ${sql.raw(String(i))}`),
    sql` `,
  )} ELSE ${sql.raw(String(values.length))} END`
}

const FOLDED: [string, string][] = [
  ['é', 'e'],
  ['è', 'e'],
  ['ê', 'e'],
  ['ë', 'e'],
  ['É', 'e'],
  ['È', 'e'],
  ['Ê', 'e'],
  ['Ë', 'e'],
  ['à', 'a'],
  ['â', 'a'],
  ['ä', 'a'],
  ['À', 'a'],
  ['Â', 'a'],
  ['Ä', 'a'],
  ['î', 'i'],
  ['ï', 'i'],
  ['Î', 'i'],
  ['Ï', 'i'],
  ['ô', 'o'],
  ['ö', 'o'],
  ['Ô', 'o'],
  ['Ö', 'o'],
  ['ù', 'u'],
  ['û', 'u'],
  ['ü', 'u'],
  ['Ù', 'u'],
  ['Û', 'u'],
  ['Ü', 'u'],
  ['ç', 'c'],
  ['Ç', 'c'],
  ['œ', 'oe'],
  ['Œ', 'oe'],
  ['æ', 'ae'],
  ['Æ', 'ae'],
  ['ÿ', 'y'],
]

/**
 * A French sort key for a text column in SQL: accents folded, case ignored (« École » between « Eau » and « Étang »,
 * not after « Voirie » as with COLLATE NOCASE). `column` is a fixed SQL name, never user input.
 */
export function frenchSortKey(column: string): SQL {
  return sql.raw(frenchSortKeySql(column))
}

/** The same, as SQL text (for statements prepared once, as plain strings). */
export function frenchSortKeySql(column: string): string {
  const folded = FOLDED.reduce((expr, [from, to]) => `replace(${expr}, '${from}', '${to}')`, column)
  // Plain ASCII (as many bytes as characters) skips the 35 replacements.
  return `lower(CASE WHEN length(${column}) = length(CAST(${column} AS BLOB)) THEN ${column} ELSE ${folded} END)`
}

const TITLE = frenchSortKey('p.title')

const ORDERS: Record<ProjectSort, SQL> = {
  updated: sql`p.updated_at DESC, p.id DESC`,
  title: sql`${TITLE}, p.id`,
  // Most urgent first.
  priority: sql`${rankOf(sql`p.priority`, [...PRIORITIES].reverse())}, p.updated_at DESC, p.id DESC`,
  // The nearest end first, projects without an end last.
  endOn: sql`p.end_on IS NULL, p.end_on, ${TITLE}, p.id`,
  status: sql`${rankOf(sql`p.status`, PROJECT_STATUSES)}, ${TITLE}, p.id`,
}

/** `%text%` for LIKE … ESCAPE '\': the user's % and _ are searched as they are. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function projectWhere(filter: ProjectFilter): SQL {
  const conditions: SQL[] = [sql`1 = 1`]
  if (filter.status && filter.status.length > 0) conditions.push(sql`p.status IN (${listOf(filter.status)})`)
  if (filter.domainId) conditions.push(sql`p.domain_id = ${filter.domainId}`)
  if (filter.referentMemberId) conditions.push(sql`p.referent_member_id = ${filter.referentMemberId}`)
  if (filter.ids) conditions.push(filter.ids.length > 0 ? sql`p.id IN (${listOf(filter.ids)})` : sql`0 = 1`)
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

/** Tasks done out of all tasks, 0–100 (rounded); null for a project without tasks. */
export function progressOf(done: number, all: number): number | null {
  return all === 0 ? null : Math.round((done * 100) / all)
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
        sum(t.status = 'faite') AS doneTasks,
        sum(t.status <> 'faite' AND t.due_on < ${today}) AS overdueTasks
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

interface TaskSqlRow extends Omit<Task, 'checklist' | 'overdue'> {
  checklist: string
  overdue: number
}

const checklistSchema = checklistItemSchema.array()

export function parseChecklist(text: string): Task['checklist'] {
  try {
    const parsed = checklistSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

function overdueSql(today: string): SQL {
  return sql`(t.status <> 'faite' AND t.due_on IS NOT NULL AND t.due_on < ${today})`
}

/** Tasks with their project's title, the assignee's name and `overdue` (due before `today`, not done). */
export function taskList(db: Db, filter: TaskFilter, today: string): Task[] {
  const conditions: SQL[] = [sql`1 = 1`]
  if (filter.projectId !== undefined) conditions.push(sql`t.project_id = ${filter.projectId}`)
  if (filter.taskIds !== undefined) conditions.push(filter.taskIds.length > 0 ? sql`t.id IN (${listOf(filter.taskIds)})` : sql`0 = 1`)
  if (filter.assigneeMemberId !== undefined) conditions.push(sql`t.assignee_member_id = ${filter.assigneeMemberId}`)
  if (!filter.includeDone) conditions.push(sql`t.status <> 'faite'`)
  if (filter.overdueOnly) conditions.push(overdueSql(today))
  if (filter.withDueDate) conditions.push(sql`t.due_on IS NOT NULL`)
  const order = filter.order === 'urgency' ? sql`overdue DESC, t.due_on IS NULL, t.due_on, ${TITLE}, t.id` : sql`t.due_on IS NULL, t.due_on, t.id`
  const limit = filter.limit === undefined ? sql`` : sql`LIMIT ${filter.limit}`
  const rows = db.all<TaskSqlRow>(sql`
    SELECT t.id, t.project_id AS projectId, p.title AS projectTitle, t.action_id AS actionId, t.title, t.description,
      t.assignee_member_id AS assigneeMemberId,
      CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS assigneeName,
      t.due_on AS dueOn, t.status, t.checklist, t.created_at AS createdAt, t.completed_at AS completedAt,
      ${overdueSql(today)} AS overdue
    FROM tasks t
    JOIN projects p ON p.id = t.project_id
    LEFT JOIN members m ON m.id = t.assignee_member_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${order}
    ${limit}
  `)
  return rows.map((r) => ({ ...r, checklist: parseChecklist(r.checklist), overdue: r.overdue === 1 }))
}

/** One task as the contract returns it. */
export function taskById(db: Db, id: number, today: string): Task {
  const task = taskList(db, { taskIds: [id], includeDone: true }, today)[0]
  if (!task) throw new AppError('NOT_FOUND', "Cette tâche n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return task
}

export function isDone(status: TaskStatus): boolean {
  return status === 'faite'
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

/** Indicators with their measurements sorted by date; all projects when `projectIds` is omitted. */
export function indicatorsOf(db: Db, projectIds?: readonly number[]): Indicator[] {
  const rows = (
    projectIds
      ? db
          .select()
          .from(indicators)
          .where(inArray(indicators.projectId, [...projectIds]))
      : db.select().from(indicators)
  )
    .orderBy(asc(indicators.id))
    .all()
  if (rows.length === 0) return []
  const values = db
    .select()
    .from(measurements)
    .where(
      inArray(
        measurements.indicatorId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(measurements.measuredOn), asc(measurements.id))
    .all()
  return rows.map((row) => ({
    ...row,
    measurements: values.filter((m) => m.indicatorId === row.id).map((m) => ({ id: m.id, measuredOn: m.measuredOn, value: m.value })),
  }))
}

export function indicatorById(db: Db, id: number): Indicator & { projectId: number } {
  const row = db.select().from(indicators).where(eq(indicators.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cet indicateur n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return indicatorsOf(db, [row.projectId]).find((i) => i.id === id)!
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
    indicators: indicatorsOf(db, [id]),
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
