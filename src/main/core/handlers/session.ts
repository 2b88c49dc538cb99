import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import type { Profile } from '../../../shared/contract'
import type { Db } from '../db/open'
import { profiles, settings } from '../db/schema'
import type { Actor, Session } from '../context'
import type { Handlers } from '../dispatcher'
import { verifyPassword } from '../security/passwords'
import { toProfile } from './profiles'

const LAST_PROFILE_KEY = 'session.lastProfileId'

export function findActor(db: Db, session: Session): Actor | null {
  if (session.profileId === null) return null
  const row = db.select().from(profiles).where(eq(profiles.id, session.profileId)).get()
  if (!row) {
    session.profileId = null
    return null
  }
  return { profileId: row.id, displayName: row.displayName, isAdmin: row.isAdmin }
}

export function rememberLastProfile(db: Db, profileId: number): void {
  db.insert(settings)
    .values({ key: LAST_PROFILE_KEY, value: JSON.stringify(profileId) })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(profileId) } })
    .run()
}

/**
 * The profile to open at launch without asking: the last one used, if it has no password.
 * A profile protected by a password is always asked for.
 */
export function profileToRestore(db: Db): number | null {
  const row = db.select().from(settings).where(eq(settings.key, LAST_PROFILE_KEY)).get()
  if (!row) return null
  const profile = db
    .select()
    .from(profiles)
    .where(eq(profiles.id, Number(JSON.parse(row.value))))
    .get()
  return profile && !profile.passwordHash ? profile.id : null
}

function currentProfile(db: Db, session: Session): Profile | null {
  if (session.profileId === null) return null
  const row = db.select().from(profiles).where(eq(profiles.id, session.profileId)).get()
  return row ? toProfile(row) : null
}

export const sessionHandlers: Pick<Handlers, 'session.get' | 'session.open' | 'session.close'> = {
  'session.get': (_input, { db, session }) => ({ profile: currentProfile(db, session) }),

  'session.open': ({ profileId, password }, { db, session, now }) => {
    const row = db.select().from(profiles).where(eq(profiles.id, profileId)).get()
    if (!row) throw new AppError('NOT_FOUND', "Ce profil n'existe plus. Choisissez-en un autre.")
    if (row.passwordHash) {
      if (!password) throw new AppError('WRONG_PASSWORD', 'Saisissez le mot de passe de ce profil.')
      if (!verifyPassword(password, row.passwordHash)) {
        throw new AppError('WRONG_PASSWORD', 'Mot de passe incorrect. Vérifiez la saisie (majuscules comprises) et réessayez.')
      }
    }
    db.transaction((tx) => {
      tx.update(profiles).set({ lastSignInAt: now().toISOString() }).where(eq(profiles.id, row.id)).run()
      rememberLastProfile(tx, row.id)
    })
    session.profileId = row.id
    return { profile: currentProfile(db, session) }
  },

  'session.close': (_input, { session }) => {
    session.profileId = null
    return { ok: true as const }
  },
}
