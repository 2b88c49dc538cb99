import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * Batches of single-use resident codes created on the relay (Paramètres › Portail citoyen › Codes habitant). The relay
 * keeps only hashes and gives the codes in clear once: the mairie's copy is here, so letters can be printed again and
 * a backup carries them. Used/unused counts are the relay's, read when the list is shown.
 */
export const residentCodeBatches = sqliteTable(
  'resident_code_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The relay that made the batch (the codes work only there) and the batch's id on it. */
    relayUrl: text('relay_url').notNull(),
    relayId: integer('relay_id').notNull(),
    label: text('label').notNull(),
    count: integer('count').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** Set once the relay has revoked the batch's unused codes. */
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (table) => [uniqueIndex('resident_code_batches_relay').on(table.relayUrl, table.relayId)],
)

/** The codes of a batch in clear, in the order the relay gave them (the order of the letters). */
export const residentCodes = sqliteTable(
  'resident_codes',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => residentCodeBatches.id),
    position: integer('position').notNull(),
    code: text('code').notNull(),
  },
  (table) => [primaryKey({ columns: [table.batchId, table.position] })],
)
