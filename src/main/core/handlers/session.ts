import { eq } from 'drizzle-orm'
import type { Profile } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Session } from '../context'
import type { Db } from '../db/open'
import { profiles } from '../db/schema'
import type { HandlersOf } from '../handler'
import { toProfile } from '../profiles/queries'
import { hashPassword, needsRehash } from '../security/passwords'
import { checkPassword } from '../security/sign-in'
import { rememberLastProfile } from '../session/last-profile'

function currentProfile(db: Db, session: Session): Profile | null {
  if (session.profileId === null) return null
  const row = db.select().from(profiles).where(eq(profiles.id, session.profileId)).get()
  return row ? toProfile(row) : null
}

export const sessionHandlers: HandlersOf<'session'> = {
  'session.get': (_input, { db, session }) => ({ profile: currentProfile(db, session) }),

  'session.open': async ({ profileId, password }, { db, session, now }) => {
    const row = db.select().from(profiles).where(eq(profiles.id, profileId)).get()
    if (!row) throw new AppError('NOT_FOUND', "Ce profil n'existe plus. Choisissez-en un autre.")
    let rehash: string | null = null
    if (row.passwordHash) {
      if (!password) throw new AppError('WRONG_PASSWORD', 'Saisissez le mot de passe de ce profil.')
      await checkPassword(db, row, password, now())
      // Hashed with weaker parameters than today's: hashed again, transparently, now that the password is known.
      if (needsRehash(row.passwordHash)) rehash = await hashPassword(password)
    }
    db.transaction((tx) => {
      tx.update(profiles)
        .set({ lastSignInAt: now().toISOString(), ...(rehash ? { passwordHash: rehash } : {}) })
        .where(eq(profiles.id, row.id))
        .run()
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
