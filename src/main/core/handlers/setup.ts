import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { communeProfile, commune, mandates, profiles } from '../db/schema'
import { AuditTrail } from '../audit'
import { findDirectoryCommune, insertCommune, readCommune } from '../commune/queries'
import type { HandlersOf } from '../handler'
import { insertMember, normalizeTeam } from '../members/team'
import { hashPassword } from '../security/passwords'
import { rememberLastProfile } from '../session/last-profile'

export const setupHandlers: HandlersOf<'setup'> = {
  /** The wizard's whole input in one transaction: the commune is set up completely or not at all. */
  'setup.complete': async (input, context) => {
    const { db, session } = context
    if (readCommune(db)) {
      throw new AppError('ALREADY_SET_UP', 'Cap Commune est déjà configuré pour cette commune. Les modifications se font dans Paramètres.')
    }
    const entry = findDirectoryCommune(context, input.inseeCode)
    const { memberIndex } = input.administrator
    if (memberIndex !== null && memberIndex >= input.members.length) {
      throw new AppError('INVALID_INPUT', "La personne choisie pour le profil administrateur n'est pas dans l'équipe.", [
        { path: 'administrator.memberIndex', message: "Cette personne n'est pas dans l'équipe." },
      ])
    }
    const team = normalizeTeam(input.members, (i) => `members.${i}`)
    const at = context.now().toISOString()
    const passwordHash = input.administrator.password ? await hashPassword(input.administrator.password) : null

    const profileId = db.transaction((tx) => {
      // The administrator's profile is created first so that it signs every row of the setup.
      const profile = tx
        .insert(profiles)
        .values({ displayName: input.administrator.displayName, isAdmin: true, passwordHash, createdAt: at, lastSignInAt: at })
        .returning()
        .get()
      const audit = new AuditTrail(tx, { profileId: profile.id, displayName: profile.displayName }, at)
      insertCommune(tx, entry, audit, at)
      if (input.population && input.population.populationTotale !== null) {
        const values = { populationTotale: input.population.populationTotale, populationTotaleYear: input.population.year }
        tx.update(commune).set(values).where(eq(commune.id, 1)).run()
        audit.updated('commune', 1, { populationTotale: null, populationTotaleYear: null }, values)
      }
      if (input.profile) {
        const reviewedAt = input.profile.reviewed ? at : null
        tx.insert(communeProfile)
          .values({ id: 1, answers: JSON.stringify(input.profile.answers), updatedAt: at, reviewedAt })
          .run()
        audit.created('communeProfile', 1, input.profile.answers)
      }
      const mandate = tx
        .insert(mandates)
        .values({ ...input.mandate, createdAt: at })
        .returning()
        .get()
      audit.created('mandate', mandate.id, mandate)
      const memberIds = team.map((member) => insertMember(tx, member, audit, at).id)
      const memberId = memberIndex === null ? null : memberIds[memberIndex]!
      if (memberId !== null) {
        tx.update(profiles).set({ memberId }).where(eq(profiles.id, profile.id)).run()
      }
      audit.created('profile', profile.id, { displayName: profile.displayName, memberId, isAdmin: true, hasPassword: passwordHash !== null })
      rememberLastProfile(tx, profile.id)
      return profile.id
    })
    session.profileId = profileId
    // The commune's first data is protected at once: the daily backup at launch found no commune to save.
    setImmediate(() => void context.data?.dailyBackupIfDue().catch((error: unknown) => context.log?.('Première sauvegarde impossible', error)))
    return { ok: true as const }
  },
}
