import { asc, sql } from 'drizzle-orm'
import type { MethodOutput } from '../../../shared/contract'
import type { Db } from '../db/open'
import { projectActions, projects } from '../db/schema'
import { frenchSortKey } from '../db/sql'
import { taskList } from './queries'

export type Planning = MethodOutput<'planning.get'>

/**
 * The planning: projects (by start date, undated last, then title) with their actions in order, and every task
 * with a due date (done ones included), by due date. Three queries whatever the number of projects.
 */
export function planningOf(db: Db, mandate: Planning['mandate'], today: string): Planning {
  const projectRows = db
    .select({ id: projects.id, title: projects.title, status: projects.status, startOn: projects.startOn, endOn: projects.endOn })
    .from(projects)
    .orderBy(sql`${projects.startOn} IS NULL`, asc(projects.startOn), frenchSortKey('title'), asc(projects.id))
    .all()
  const actions = db.select().from(projectActions).orderBy(asc(projectActions.sortOrder), asc(projectActions.id)).all()
  const byProject = new Map<number, Planning['projects'][number]['actions']>()
  for (const a of actions) {
    const list = byProject.get(a.projectId) ?? []
    list.push({ id: a.id, title: a.title, startOn: a.startOn, dueOn: a.dueOn, status: a.status })
    byProject.set(a.projectId, list)
  }
  const tasks = taskList(db, { includeDone: true, withDueDate: true, order: 'dueDate' }, today).map((t) => ({
    id: t.id,
    projectId: t.projectId,
    title: t.title,
    dueOn: t.dueOn!,
    status: t.status,
    assigneeName: t.assigneeName,
  }))
  return { mandate, projects: projectRows.map((p) => ({ ...p, actions: byProject.get(p.id) ?? [] })), tasks }
}
