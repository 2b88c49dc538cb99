/**
 * Wrong passwords, per profile: the first three cost nothing, then each one makes the next attempt wait twice as
 * long (2 s, 4 s, 8 s… up to 15 minutes). Kept in `settings` so that restarting the app does not reset it; cleared
 * by a right password.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../db/open'
import { settings } from '../db/schema'

const FREE_ATTEMPTS = 3
const MAX_DELAY_S = 15 * 60

interface Failures {
  count: number
  /** ISO time before which no attempt is checked. */
  blockedUntil: string | null
}

const keyOf = (profileId: number) => `signIn.failures.${profileId}`

export function readFailures(db: Db, profileId: number): Failures {
  const row = db
    .select()
    .from(settings)
    .where(eq(settings.key, keyOf(profileId)))
    .get()
  return row ? (JSON.parse(row.value) as Failures) : { count: 0, blockedUntil: null }
}

/** Seconds still to wait before this profile may try again (0: now). */
export function secondsToWait(db: Db, profileId: number, now: Date): number {
  const { blockedUntil } = readFailures(db, profileId)
  return blockedUntil ? Math.max(0, Math.ceil((new Date(blockedUntil).getTime() - now.getTime()) / 1000)) : 0
}

/** Records one more wrong password; returns the delay now imposed, in seconds. */
export function recordFailure(db: Db, profileId: number, now: Date): { count: number; delay: number } {
  const count = readFailures(db, profileId).count + 1
  const delay = count <= FREE_ATTEMPTS ? 0 : Math.min(MAX_DELAY_S, 2 ** (count - FREE_ATTEMPTS))
  const value = JSON.stringify({ count, blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null } satisfies Failures)
  db.insert(settings)
    .values({ key: keyOf(profileId), value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run()
  return { count, delay }
}

export function clearFailures(db: Db, profileId: number): void {
  db.delete(settings)
    .where(eq(settings.key, keyOf(profileId)))
    .run()
}

/** « 30 secondes », « 2 minutes » */
export function frenchDelay(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes > 1 ? 's' : ''}`
}
