import { eq } from 'drizzle-orm'
import type { Actor, Session } from '../context'
import type { Db } from '../db/open'
import { profiles } from '../db/schema'

/** The session's profile as handlers see it; a profile removed since signs the session out. */
export function findActor(db: Db, session: Session): Actor | null {
  if (session.profileId === null) return null
  const row = db.select().from(profiles).where(eq(profiles.id, session.profileId)).get()
  if (!row) {
    session.profileId = null
    return null
  }
  return { profileId: row.id, displayName: row.displayName, isAdmin: row.isAdmin }
}
