import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A request or remark from inhabitants about a theme, entered at the mairie or received through the relay. */
export const citizenInputs = sqliteTable('citizen_inputs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  themeId: text('theme_id').notNull(),
  summary: text('summary').notNull(),
  /** ISO date (YYYY-MM-DD). */
  receivedOn: text('received_on').notNull(),
  source: text('source', { enum: ['local', 'relay'] }).notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
})
