import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { campaigns } from './campaigns'

/** The scores of a campaign frozen at a moment (e.g. before the council's vote), to compare later. */
export const snapshots = sqliteTable('snapshots', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: integer('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  takenAt: text('taken_at').notNull(),
  takenBy: text('taken_by').notNull(),
  referentielVersion: text('referentiel_version').notNull(),
  /** JSON of the ScoreTree (src/shared/contract/diagnostic.ts) as it was. */
  scores: text('scores').notNull(),
})
