import { integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * Anonymous medians of communes of the same population band, per domain, received through the relay sync.
 * Empty until that sync exists: nothing is ever invented to fill it.
 */
export const peerBenchmarks = sqliteTable(
  'peer_benchmarks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Population band key (see diagnostic/peers.ts). */
    band: text('band').notNull(),
    domainId: text('domain_id').notNull(),
    median: real('median').notNull(),
    /** How many communes the median is computed on. */
    communes: integer('communes').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (table) => [uniqueIndex('peer_benchmarks_band_domain').on(table.band, table.domainId)],
)
