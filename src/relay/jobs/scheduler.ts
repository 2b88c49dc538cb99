/**
 * Scheduled work of a relay process. Mails are sent by any process (rows are leased one by one); the digest and the
 * maintenance run in one process at a time, the holder of their lease in job_leases.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { RelayContext } from '../context'
import { sendDigests } from './digest'
import { markRun, takeLease } from './lease'

export interface Scheduler {
  stop(): void
}

const MAIL_EVERY_MS = 5_000
const DIGEST_EVERY_MS = 15 * 60_000
const MAINTENANCE_EVERY_MS = 6 * 3_600_000

export async function cleanExpired(relay: RelayContext): Promise<void> {
  const db = relay.database.db
  await db.execute(sql`DELETE FROM sessions WHERE expires_at < now()`)
  await db.execute(sql`DELETE FROM magic_links WHERE expires_at < now() - interval '1 day'`)
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`)
}

export function startScheduler(relay: RelayContext): Scheduler {
  const holder = randomUUID()
  const db = relay.database.db
  const guard = (name: string, work: () => Promise<unknown>) => () => {
    work().catch((error: Error) => relay.log(`Tâche « ${name} » : ${error.message}`))
  }
  const leased = (name: string, seconds: number, work: () => Promise<unknown>) =>
    guard(name, async () => {
      if (!(await takeLease(db, name, holder, seconds))) return
      await work()
      await markRun(db, name)
    })
  const timers = [
    setInterval(
      guard('courriels', () => relay.mailer.flush()),
      MAIL_EVERY_MS,
    ),
    setInterval(
      leased('recapitulatifs', DIGEST_EVERY_MS / 1000, () => sendDigests(relay).then((n) => (n ? relay.mailer.flush() : 0))),
      DIGEST_EVERY_MS,
    ),
    setInterval(
      leased('maintenance', MAINTENANCE_EVERY_MS / 1000, async () => {
        await cleanExpired(relay)
        await relay.database.maintenance()
      }),
      MAINTENANCE_EVERY_MS,
    ),
  ]
  for (const timer of timers) timer.unref()
  // Mails left queued by a previous run go out now.
  guard('courriels', () => relay.mailer.flush())()
  return { stop: () => timers.forEach(clearInterval) }
}
