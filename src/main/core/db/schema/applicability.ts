import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * An administrator's decision that an obligation applies, or does not, whatever its rule computes from the
 * population and the profile (issue 10 §4): one per criterion, with the reason, who and when. Open campaigns follow
 * it; a closed campaign keeps what it had (frozen with it).
 */
export const applicabilityDecisions = sqliteTable(
  'applicability_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Criterion id of the référentiel (an obligation). */
    criterionId: text('criterion_id').notNull(),
    applies: integer('applies', { mode: 'boolean' }).notNull(),
    /** Why, in the commune's words (required). */
    reason: text('reason').notNull(),
    /** Display name of the administrator, kept as text like the audit trail. */
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at').notNull(),
  },
  (table) => [uniqueIndex('applicability_decisions_criterion').on(table.criterionId)],
)
