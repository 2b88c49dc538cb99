import { type SQL, sql } from 'drizzle-orm'
import { type RelayDb, queryRows } from '../db/open'
import { hashSecret } from './secrets'

export interface Limit {
  /** What is counted, e.g. `magic-ip`. */
  name: string
  max: number
  windowSeconds: number
}

/** One hit to count: which limit, and for whom (an IP, an address, an account). */
export interface Hit {
  limit: Limit
  subject: string
}

/**
 * Counts one hit per entry in a fixed window, in the database so that every relay process shares the counters; each
 * subject is hashed so that no address or IP is stored. Answers, per hit in the given order, whether it is still under
 * its limit.
 *
 * One statement, committed without waiting for the disk (`synchronous_commit` off for this statement's own
 * transaction only): a counter is not worth a durable commit — each one would cost an fsync (≈ 4 ms on a plain disk)
 * and hold its row (the per-IP counter is hot) until then. A crash can lose the last ≈ 0.6 s of counts (the WAL
 * writer's delay), letting that many more hits through; never the request's own data, which commits durably.
 * Must not run inside another transaction (it would make that one asynchronous too): every caller passes the pool.
 */
export async function countHits(db: RelayDb, hits: Hit[], factor = 1): Promise<boolean[]> {
  const counting = countingStatement(hits)
  const result = await queryRows<{ key: string; count: number }>(db, sql`WITH ${counting.ctes} SELECT key, count FROM counted`)
  return counting.under(result, factor)
}

/**
 * The counting of `hits` as common table expressions (`hit`, then `counted`: the keys and their new counts), for a
 * caller that counts within a statement of its own (`WITH ${ctes} SELECT … FROM counted`); hits are counted only where
 * `when` holds (evaluated in the same snapshot). `under` reads the answer back, per hit in the given order.
 */
export function countingStatement(hits: Hit[], when: SQL = sql`TRUE`) {
  const keyed = hits.map((hit) => ({ ...hit, key: `${hit.limit.name}:${hashSecret(hit.subject).slice(0, 32)}` }))
  // Rows locked in one order by every request, whatever order the caller gave.
  const rows = [...new Map(keyed.map((hit) => [hit.key, hit])).values()].sort((a, b) => (a.key < b.key ? -1 : 1))
  const values = sql.join(
    rows.map((hit) => sql`(${hit.key}, ${hit.limit.windowSeconds}::int)`),
    sql`, `,
  )
  const window = sql`make_interval(secs => (SELECT window_seconds FROM hit WHERE hit.key = rate_limits.key))`
  return {
    ctes: sql`hit(key, window_seconds) AS (VALUES ${values}), counted AS (
      INSERT INTO rate_limits (key, window_start, count)
      SELECT hit.key, now(), 1 FROM hit, (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
      WHERE ${when}
      ORDER BY hit.key
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN rate_limits.window_start < now() - ${window} THEN 1 ELSE rate_limits.count + 1 END,
        window_start = CASE WHEN rate_limits.window_start < now() - ${window} THEN now() ELSE rate_limits.window_start END
      RETURNING key, count)`,
    under(counted: { key: string; count: number | string }[], factor = 1): boolean[] {
      const counts = new Map(counted.map((row) => [row.key, Number(row.count)]))
      return keyed.map((hit) => counts.get(hit.key)! <= hit.limit.max * factor)
    },
  }
}

/** Counts one hit for `subject` under `limit`; true while under the limit. */
export async function allow(db: RelayDb, limit: Limit, subject: string, factor = 1): Promise<boolean> {
  const [under] = await countHits(db, [{ limit, subject }], factor)
  return under!
}

export const LIMITS = {
  magicLinkPerAddress: { name: 'magic-address', max: 5, windowSeconds: 3600 },
  magicLinkPerIp: { name: 'magic-ip', max: 60, windowSeconds: 3600 },
  pairingPerIp: { name: 'pairing-ip', max: 20, windowSeconds: 3600 },
  residentCodePerAccount: { name: 'resident-account', max: 10, windowSeconds: 3600 },
  contributionPerAccount: { name: 'contribution-account', max: 30, windowSeconds: 3600 },
  contributionPerIp: { name: 'contribution-ip', max: 120, windowSeconds: 3600 },
  reportPerAccount: { name: 'report-account', max: 30, windowSeconds: 3600 },
  apiPerToken: { name: 'api-token', max: 20000, windowSeconds: 60 },
  receiptPerIp: { name: 'receipt-ip', max: 60, windowSeconds: 600 },
} satisfies Record<string, Limit>
