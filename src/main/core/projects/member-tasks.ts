/**
 * « Mes tâches »: the first `limit` tasks of one person in the page's order — overdue, then by due date, then those
 * without one, then (when asked for) the done ones; ties by project title (French order), then id — and how many
 * tasks each group holds in all. A done task is never shown « À venir »: it has its own group, « Faites ».
 *
 * A person can hold more than a thousand open tasks in a large commune: sorting them all (the French title key is
 * computed per row) to show 50 cost ~20 ms. Here each group is read in due-date order from an index — the partial
 * index `tasks_assignee_open_due` for open tasks, `tasks_assignee` for done ones — so SQLite stops as soon as the
 * page is full, and a group the page does not reach is not read at all. The counts come from the same indexes.
 */
import type Database from 'better-sqlite3'
import type { MemberTasks, Task } from '../../../shared/contract/tasks'
import { frenchSortKeySql, prepared } from '../db/sql'
import { taskColumnsSql, TASKS_FROM_SQL, toTask, type TaskSqlRow } from './queries'
import { DONE_TASK_SQL, OPEN_TASK_SQL } from './rules'

type GroupKey = keyof MemberTasks['counts']

interface Group {
  key: GroupKey
  /** Which tasks belong to the group, read in due-date order from an index. */
  where: string
  /** Done tasks, read only when they are shown (`includeDone`). */
  done: boolean
}

const TASK_COLUMNS = taskColumnsSql('@today')

/** In the page's order. An open task is overdue exactly when it is due before today. Exported for the tests. */
export const MEMBER_TASK_GROUPS: readonly Group[] = [
  { key: 'overdue', where: 't.due_on < @today', done: false },
  { key: 'upcoming', where: 't.due_on >= @today', done: false },
  { key: 'undated', where: 't.due_on IS NULL', done: false },
  { key: 'done', where: '1', done: true },
]

const TITLE_KEY = frenchSortKeySql('p.title')

/** One part of a group, in due-date order from its index; the title key is computed only for the rows read. */
function partSql(done: boolean, condition: string): string {
  return `SELECT ${TASK_COLUMNS}, ${TITLE_KEY} AS sortKey
    FROM ${TASKS_FROM_SQL}
    WHERE t.assignee_member_id = @memberId AND ${done ? DONE_TASK_SQL : OPEN_TASK_SQL} AND ${condition}
    ORDER BY ${done ? 't.due_on IS NULL, ' : ''}t.due_on, sortKey, t.id
    LIMIT @limit`
}

/** Exported for the tests (query plans). */
export function memberTaskGroupSql(group: Group): string {
  return partSql(group.done, group.where)
}

const COUNT_OPEN = `SELECT count(*) AS total, coalesce(sum(t.due_on < @today), 0) AS overdue, coalesce(sum(t.due_on IS NULL), 0) AS undated
  FROM tasks t WHERE t.assignee_member_id = @memberId AND ${OPEN_TASK_SQL}`
const COUNT_DONE = `SELECT count(*) AS done FROM tasks t WHERE t.assignee_member_id = @memberId AND ${DONE_TASK_SQL}`

export interface MemberTasksQuery {
  memberId: number
  includeDone: boolean
  limit: number
  /** YYYY-MM-DD, the mairie's calendar day: what is overdue. */
  today: string
}

export function memberTasks(sqlite: Database.Database, { memberId, includeDone, limit, today }: MemberTasksQuery): MemberTasks {
  const open = prepared(sqlite, COUNT_OPEN).get({ memberId, today }) as { total: number; overdue: number; undated: number }
  const done = includeDone ? (prepared(sqlite, COUNT_DONE).get({ memberId }) as { done: number }).done : 0
  const counts: MemberTasks['counts'] = { overdue: open.overdue, upcoming: open.total - open.overdue - open.undated, undated: open.undated, done }
  const items: Task[] = []
  for (const group of MEMBER_TASK_GROUPS) {
    const remaining = limit - items.length
    if (remaining <= 0) break
    if (counts[group.key] === 0) continue
    const rows = prepared(sqlite, memberTaskGroupSql(group)).all({ memberId, today, limit: remaining }) as (TaskSqlRow & {
      sortKey: string
    })[]
    for (const { sortKey: _sortKey, ...row } of rows) items.push(toTask(row))
  }
  return { items, total: open.total + done, counts }
}
