import { eq } from 'drizzle-orm'
import type { Profile } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { profiles } from '../db/schema'

export type ProfileRow = typeof profiles.$inferSelect

/** A profile as the contract gives it: never the password hash, only whether there is one. */
export function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    displayName: row.displayName,
    memberId: row.memberId,
    isAdmin: row.isAdmin,
    hasPassword: row.passwordHash !== null,
    lastSignInAt: row.lastSignInAt,
  }
}

export function getProfileRow(db: Db, id: number): ProfileRow {
  const row = db.select().from(profiles).where(eq(profiles.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Ce profil n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}
