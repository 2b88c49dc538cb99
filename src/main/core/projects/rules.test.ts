import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { FUNDING_STATUSES, fundingTotals } from '../../../shared/contract/fundings'
import { PRIORITIES } from '../../../shared/contract/projects'
import { TASK_STATUSES } from '../../../shared/contract/tasks'
import { FUNDING_OBTAINED_SQL, FUNDING_REQUESTED_SQL, isDone, overdueTaskSql, PRIORITY_ORDER, priorityRank, priorityRankSql } from './rules'

/** The SQL forms of the rules say what their TypeScript forms say. */
describe('the rules of projects and tasks, in SQL and in TypeScript', () => {
  const sqlite = new Database(':memory:')

  it('the funding totals in SQL are those of fundingTotals, for every status and with or without an amount obtained', () => {
    sqlite.exec('CREATE TABLE fundings (status TEXT, requested_cents INTEGER, obtained_cents INTEGER)')
    const rows = FUNDING_STATUSES.flatMap((status, i) => [
      { status, requestedCents: 1000 * (i + 1), obtainedCents: null },
      { status, requestedCents: 100 * (i + 1), obtainedCents: 7 * (i + 1) },
    ])
    const insert = sqlite.prepare('INSERT INTO fundings VALUES (?, ?, ?)')
    for (const r of rows) insert.run(r.status, r.requestedCents, r.obtainedCents)
    const sums = sqlite.prepare(`SELECT ${FUNDING_REQUESTED_SQL} AS requestedCents, ${FUNDING_OBTAINED_SQL} AS obtainedCents FROM fundings f`).get()
    expect(sums).toEqual(fundingTotals(rows))
  })

  it('overdue: not done and due before today, in SQL as isDone says', () => {
    sqlite.exec('CREATE TABLE tasks (status TEXT, due_on TEXT)')
    const insert = sqlite.prepare('INSERT INTO tasks VALUES (?, ?)')
    for (const status of TASK_STATUSES) for (const dueOn of ['2026-05-03', '2026-05-04', null]) insert.run(status, dueOn)
    const rows = sqlite
      .prepare(`SELECT status, due_on AS dueOn, ${overdueTaskSql('@today')} AS overdue FROM tasks t`)
      .all({ today: '2026-05-04' }) as {
      status: (typeof TASK_STATUSES)[number]
      dueOn: string | null
      overdue: number
    }[]
    for (const row of rows) expect(row.overdue === 1, JSON.stringify(row)).toBe(!isDone(row.status) && row.dueOn === '2026-05-03')
  })

  it('the priority order, most urgent first, is the same in SQL', () => {
    expect(PRIORITY_ORDER).toEqual(['prioritaire', 'haute', 'normale', 'basse'])
    const ranks = PRIORITIES.map((p) => sqlite.prepare(`SELECT ${priorityRankSql('@p')} AS rank`).get({ p }) as { rank: number })
    expect(ranks.map((r) => r.rank)).toEqual(PRIORITIES.map(priorityRank))
  })
})
