import { sql } from 'drizzle-orm'
import { type Queryable, queryRows } from '../db/open'
import { hashSecret } from './secrets'

export interface Limit {
  /** What is counted, e.g. `magic-ip`. */
  name: string
  max: number
  windowSeconds: number
}

/**
 * Counts one hit for `subject` (an IP, an address, an account) in a fixed window, in the database so that every relay
 * process shares the counters; the subject is hashed so that no address or IP is stored. True while under the limit.
 */
export async function allow(db: Queryable, limit: Limit, subject: string, factor = 1): Promise<boolean> {
  const key = `${limit.name}:${hashSecret(subject).slice(0, 32)}`
  const result = await queryRows<{ count: number }>(
    db,
    sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${limit.windowSeconds}) THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${limit.windowSeconds}) THEN now() ELSE rate_limits.window_start END
    RETURNING count`,
  )
  return Number(result[0]!.count) <= limit.max * factor
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
