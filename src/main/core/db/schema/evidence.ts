import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { campaigns } from './campaigns'

/**
 * A file attached to an answer as proof. The bytes live in `<dataDir>/pieces-jointes/<sha256>` (one file per
 * content, shared by the rows that have the same hash).
 */
export const evidence = sqliteTable(
  'evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    /** The original name, for display and download. */
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (table) => [index('evidence_answer').on(table.campaignId, table.criterionId), index('evidence_sha256').on(table.sha256)],
)
