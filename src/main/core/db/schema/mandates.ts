import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Council mandates; the one with the highest start year is the current one. */
export const mandates = sqliteTable('mandates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  /** ISO date (YYYY-MM-DD) the council was installed; deadlines "within N months of installation" start from it. */
  installedOn: text('installed_on'),
  createdAt: text('created_at').notNull(),
})
