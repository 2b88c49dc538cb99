/**
 * The « Pour commencer » path of the home page: the commune profile reviewed (not only the wizard's defaults), a first diagnostic answer, a first project,
 * a first report. Each is read from the data itself, but the report, which leaves nothing behind: its first
 * generation is remembered in `settings` (onboarding.firstReportAt).
 */
import type Database from 'better-sqlite3'
import type { Onboarding } from '../../../shared/contract'
import type { Db } from '../db/open'
import { settings } from '../db/schema'
import { prepared } from '../db/sql'

const FIRST_REPORT_KEY = 'onboarding.firstReportAt'

const STEPS_SQL = `SELECT
    EXISTS (SELECT 1 FROM commune_profile WHERE reviewed_at IS NOT NULL) AS communeProfile,
    EXISTS (SELECT 1 FROM answers) AS diagnostic,
    EXISTS (SELECT 1 FROM projects) AS project,
    EXISTS (SELECT 1 FROM settings WHERE key = '${FIRST_REPORT_KEY}') AS report`

export function onboardingOf(sqlite: Database.Database): Onboarding {
  const row = prepared(sqlite, STEPS_SQL).get() as Record<keyof Onboarding, 0 | 1>
  return { communeProfile: row.communeProfile === 1, diagnostic: row.diagnostic === 1, project: row.project === 1, report: row.report === 1 }
}

/** Called once a report is built: the first one ends the path's last step. */
export function rememberFirstReport(db: Db, at: string): void {
  db.insert(settings)
    .values({ key: FIRST_REPORT_KEY, value: JSON.stringify(at) })
    .onConflictDoNothing()
    .run()
}
