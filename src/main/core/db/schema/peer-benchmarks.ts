import { integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * Anonymous medians and quartiles of communes of the same population band, per domain, as the relay last answered
 * (core/portal/peer-benchmarks.ts). Only figures the relay gave (enough communes): nothing is ever invented to fill it.
 */
export const peerBenchmarks = sqliteTable(
  'peer_benchmarks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Population band key (see diagnostic/peers.ts). */
    band: text('band').notNull(),
    domainId: text('domain_id').notNull(),
    median: real('median').notNull(),
    /** First and third quartiles; null on rows received before they were kept. */
    q1: real('q1'),
    q3: real('q3'),
    /** How many communes the median is computed on. */
    communes: integer('communes').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (table) => [uniqueIndex('peer_benchmarks_band_domain').on(table.band, table.domainId)],
)
