import { and, asc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import { members, profiles, themeAssignments } from '../db/schema'
import type { HandlersOf } from '../handler'

export const themesHandlers: HandlersOf<'themes'> = {
  'themes.assignments': (_input, { db }) =>
    db
      .select({ memberId: themeAssignments.memberId, themeId: themeAssignments.themeId, link: themeAssignments.link })
      .from(themeAssignments)
      .orderBy(asc(themeAssignments.themeId), asc(themeAssignments.memberId))
      .all(),

  /** An élu marks their own themes (the member linked to their profile); an administrator marks anyone's. */
  'themes.assign': ({ memberId, themeId, link }, context) => {
    if (!context.referentiel().themes.has(themeId)) {
      throw new AppError('NOT_FOUND', "Ce thème n'existe pas dans le référentiel de Cap Commune.")
    }
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const member = tx.select({ id: members.id }).from(members).where(eq(members.id, memberId)).get()
      if (!member) throw new AppError('NOT_FOUND', "Cette personne ne fait plus partie de l'équipe : la liste a peut-être été modifiée entre-temps.")
      const { actor } = context
      if (!actor.isAdmin) {
        const own = tx.select({ memberId: profiles.memberId }).from(profiles).where(eq(profiles.id, actor.profileId)).get()
        if (own?.memberId !== memberId) {
          throw new AppError(
            'FORBIDDEN',
            "Vous ne pouvez modifier que vos propres thèmes. Pour ceux d'une autre personne, demandez à l'administrateur de Cap Commune.",
          )
        }
      }
      const audit = new AuditTrail(tx, context.actor, at)
      const where = and(eq(themeAssignments.memberId, memberId), eq(themeAssignments.themeId, themeId))
      const before = tx.select().from(themeAssignments).where(where).get()
      if (link === null) {
        if (before) {
          tx.delete(themeAssignments).where(eq(themeAssignments.id, before.id)).run()
          audit.deleted('themeAssignment', before.id, before)
        }
      } else if (!before) {
        const row = tx.insert(themeAssignments).values({ memberId, themeId, link }).returning().get()
        audit.created('themeAssignment', row.id, row)
      } else if (before.link !== link) {
        tx.update(themeAssignments).set({ link }).where(eq(themeAssignments.id, before.id)).run()
        audit.updated('themeAssignment', before.id, before, { link })
      }
    })
    return { ok: true as const }
  },
}
