import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Small app-wide values (e.g. the last profile used) as key → JSON text. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})
