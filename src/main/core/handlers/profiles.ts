import { and, eq, ne } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import type { Db } from '../db/open'
import { members, profiles } from '../db/schema'
import { frenchSortKey } from '../db/sql'
import type { HandlersOf, SignedInContext } from '../handler'
import { getProfileRow, toProfile, type ProfileRow } from '../profiles/queries'
import { hashPassword } from '../security/passwords'
import { checkPassword } from '../security/sign-in'

/** What the audit trail keeps of a profile: never the password hash. */
function auditedProfile(row: ProfileRow) {
  return { displayName: row.displayName, memberId: row.memberId, isAdmin: row.isAdmin, hasPassword: row.passwordHash !== null }
}

function trail(context: SignedInContext, db: Db = context.db) {
  return new AuditTrail(db, context.actor, context.now().toISOString())
}

/** A member may be tied to one profile at most, and must exist. */
function checkMemberLink(db: Db, memberId: number | null, exceptProfileId: number | null): void {
  if (memberId === null) return
  if (!db.select({ id: members.id }).from(members).where(eq(members.id, memberId)).get()) {
    throw new AppError('NOT_FOUND', "La personne choisie ne fait plus partie de l'équipe.")
  }
  const taken = db
    .select({ displayName: profiles.displayName })
    .from(profiles)
    .where(exceptProfileId === null ? eq(profiles.memberId, memberId) : and(eq(profiles.memberId, memberId), ne(profiles.id, exceptProfileId)))
    .get()
  if (taken) throw new AppError('CONFLICT', `Cette personne a déjà un profil (« ${taken.displayName} »).`)
}

function otherAdminCount(db: Db, exceptProfileId: number): number {
  return db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.isAdmin, true), ne(profiles.id, exceptProfileId)))
    .all().length
}

export const profilesHandlers: HandlersOf<'profiles'> = {
  'profiles.list': (_input, { db }) => db.select().from(profiles).orderBy(frenchSortKey('display_name'), profiles.id).all().map(toProfile),

  'profiles.create': async (input, context) => {
    const { db } = context
    const passwordHash = input.password ? await hashPassword(input.password) : null
    return db.transaction((tx) => {
      checkMemberLink(tx, input.memberId, null)
      const row = tx
        .insert(profiles)
        .values({
          displayName: input.displayName,
          memberId: input.memberId,
          isAdmin: input.isAdmin,
          passwordHash,
          createdAt: context.now().toISOString(),
        })
        .returning()
        .get()
      trail(context, tx).created('profile', row.id, auditedProfile(row))
      return toProfile(row)
    })
  },

  'profiles.update': (input, context) => {
    const { db } = context
    return db.transaction((tx) => {
      const before = getProfileRow(tx, input.id)
      checkMemberLink(tx, input.memberId, input.id)
      if (before.isAdmin && !input.isAdmin && otherAdminCount(tx, input.id) === 0) {
        throw new AppError('CONFLICT', 'Il faut garder au moins un profil administrateur : nommez-en un autre avant de retirer ce droit.')
      }
      const after = tx
        .update(profiles)
        .set({ displayName: input.displayName, memberId: input.memberId, isAdmin: input.isAdmin })
        .where(eq(profiles.id, input.id))
        .returning()
        .get()
      trail(context, tx).updated('profile', input.id, auditedProfile(before), auditedProfile(after))
      return toProfile(after)
    })
  },

  'profiles.setPassword': async (input, context) => {
    const { db, actor } = context
    const isSelf = actor.profileId === input.id
    if (!isSelf && !actor.isAdmin) {
      throw new AppError('FORBIDDEN', "Seul un administrateur peut changer le mot de passe d'un autre profil.")
    }
    const before = getProfileRow(db, input.id)
    // Changing one's own password needs the current one, administrators included (a PC left open must not be enough).
    if (isSelf && before.passwordHash) {
      if (!input.currentPassword) throw new AppError('WRONG_PASSWORD', 'Saisissez votre mot de passe actuel pour le changer.')
      await checkPassword(db, before, input.currentPassword, context.now(), 'Le mot de passe actuel est incorrect.')
    }
    const newHash = input.newPassword ? await hashPassword(input.newPassword) : null
    db.transaction((tx) => {
      const after = tx.update(profiles).set({ passwordHash: newHash }).where(eq(profiles.id, input.id)).returning().get()
      // The hash never goes in the trail; what happened to the password does.
      const hadPassword = before.passwordHash !== null
      const change = after.passwordHash === null ? 'aucun' : hadPassword ? 'modifié' : 'défini'
      trail(context, tx).updated('profile', input.id, { password: hadPassword ? 'défini' : 'aucun' }, { password: change })
    })
    return { ok: true as const }
  },

  'profiles.remove': ({ id }, context) => {
    const { db, actor } = context
    if (actor.profileId === id) throw new AppError('CONFLICT', 'Vous ne pouvez pas supprimer le profil que vous utilisez en ce moment.')
    db.transaction((tx) => {
      const before = getProfileRow(tx, id)
      if (before.isAdmin && otherAdminCount(tx, id) === 0) {
        throw new AppError('CONFLICT', 'Il faut garder au moins un profil administrateur.')
      }
      tx.delete(profiles).where(eq(profiles.id, id)).run()
      trail(context, tx).deleted('profile', id, auditedProfile(before))
    })
    return { ok: true as const }
  },
}
