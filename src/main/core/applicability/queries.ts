/** The administrator's applicability decisions (applicability_decisions), as the rules read them. */
import type { ApplicabilityDecision } from '../../../shared/referentiel/applicability'
import type { Db } from '../db/open'
import { applicabilityDecisions } from '../db/schema'

export type ApplicabilityDecisionRow = typeof applicabilityDecisions.$inferSelect

export function decisionRows(db: Db): ApplicabilityDecisionRow[] {
  return db.select().from(applicabilityDecisions).orderBy(applicabilityDecisions.id).all()
}

/** By criterion id. */
export function readDecisions(db: Db): Map<string, ApplicabilityDecision> {
  return new Map(
    decisionRows(db).map((row) => [
      row.criterionId,
      { applies: row.applies, reason: row.reason, decidedBy: row.decidedBy, decidedAt: row.decidedAt },
    ]),
  )
}
