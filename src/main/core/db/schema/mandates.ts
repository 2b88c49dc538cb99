import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Council mandates; the one with the highest start year is the current one. */
export const mandates = sqliteTable('mandates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  createdAt: text('created_at').notNull(),
})
