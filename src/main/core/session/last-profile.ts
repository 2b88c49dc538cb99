import { count, eq } from 'drizzle-orm'
import type { Db } from '../db/open'
import { profiles, settings } from '../db/schema'

const LAST_PROFILE_KEY = 'session.lastProfileId'

export function rememberLastProfile(db: Db, profileId: number): void {
  db.insert(settings)
    .values({ key: LAST_PROFILE_KEY, value: JSON.stringify(profileId) })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(profileId) } })
    .run()
}

/**
 * The profile to open at launch without asking: the last one used, if it has no password and is the only profile.
 * A profile protected by a password is always asked for; with several profiles the chooser is shown, so that changes
 * are never signed by the person who used the computer last.
 */
export function profileToRestore(db: Db): number | null {
  if (db.select({ n: count() }).from(profiles).get()!.n > 1) return null
  const row = db.select().from(settings).where(eq(settings.key, LAST_PROFILE_KEY)).get()
  if (!row) return null
  const profile = db
    .select()
    .from(profiles)
    .where(eq(profiles.id, Number(JSON.parse(row.value))))
    .get()
  return profile && !profile.passwordHash ? profile.id : null
}
