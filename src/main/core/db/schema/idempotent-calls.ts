import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The creations made with an idempotency key (shared/contract/idempotency.ts), written in the same transaction as
 * what they created: a call repeated with the same key (lost answer, double click) gets this answer back instead of
 * creating twice. Kept a while (core/idempotency.ts), then forgotten.
 */
export const idempotentCalls = sqliteTable(
  'idempotent_calls',
  {
    key: text('key').primaryKey(),
    method: text('method').notNull(),
    /** The answer given the first time, as JSON. */
    response: text('response').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('idempotent_calls_created_at').on(table.createdAt)],
)
