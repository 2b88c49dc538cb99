/**
 * The budget sessions the commune plans: one date per budget year (exercice), kept in settings. The débat
 * d'orientation budgétaire's window is the two months before it (CGCT L2312-1); without it, the window ends on the
 * budget's legal deadline (CGCT L1612-2).
 */
import { eq } from 'drizzle-orm'
import type { BudgetSession } from '../../../shared/contract/calendar'
import type { Db } from '../db/open'
import { settings } from '../db/schema'
import { budgetDeadline } from '../diagnostic/calendar'

const SETTINGS_KEY = 'budgetSessions'

/** Year of the budget → planned date (ISO). */
export type BudgetSessions = Record<string, string>

export function readBudgetSessions(db: Db): BudgetSessions {
  const row = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get()
  if (!row) return {}
  const value = JSON.parse(row.value) as unknown
  return value && typeof value === 'object' ? (value as BudgetSessions) : {}
}

export function writeBudgetSessions(db: Db, sessions: BudgetSessions): void {
  const text = JSON.stringify(sessions)
  db.insert(settings)
    .values({ key: SETTINGS_KEY, value: text })
    .onConflictDoUpdate({ target: settings.key, set: { value: text } })
    .run()
}

export function budgetSessionList(sessions: BudgetSessions, renewalYears: readonly number[], fromYear: number): BudgetSession[] {
  return Object.entries(sessions)
    .map(([year, plannedOn]) => ({ year: Number(year), plannedOn, legalDeadline: budgetDeadline(Number(year), [...renewalYears]) }))
    .filter((s) => s.year >= fromYear)
    .sort((a, b) => a.year - b.year)
}
