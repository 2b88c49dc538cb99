import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The indexes set aside while a large batch is written (db/deferred-indexes.ts), with the statement that creates each
 * again. Empty except during a first pull of many contributions, or after a crash in one (built back on opening).
 */
export const deferredIndexes = sqliteTable('deferred_indexes', {
  name: text('name').primaryKey(),
  tableName: text('table_name').notNull(),
  sql: text('sql').notNull(),
  deferredAt: text('deferred_at').notNull(),
})
