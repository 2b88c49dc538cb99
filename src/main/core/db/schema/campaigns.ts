import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** One round of the diagnostic: the council answers every criterion of the référentiel. */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** Version of the référentiel when the campaign was created. */
  referentielVersion: text('referentiel_version').notNull(),
  createdAt: text('created_at').notNull(),
  /** Display name of the profile that created it (kept as text, like the audit trail). */
  createdBy: text('created_by').notNull(),
  closedAt: text('closed_at'),
  /**
   * JSON of what the closed campaign showed (src/main/core/diagnostic/frozen.ts): its scores and each criterion's
   * applicability, so that a later référentiel or population never changes a past diagnostic. Null while open.
   */
  frozen: text('frozen'),
})
