import { and, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { members, projectParticipants } from '../db/schema'
import type { HandlersOf } from '../handler'
import { assertMemberExists, getProjectRow, participantsOf, touchProject } from '../projects/queries'
import { projectTrail } from '../projects/trail'

export const participantsHandlers: HandlersOf<'participants'> = {
  /** A member of the team (their current name is shown) or someone from outside, by name. */
  'participants.add': ({ projectId, memberId, name, role }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      getProjectRow(tx, projectId)
      let storedName = name
      if (memberId !== null) {
        assertMemberExists(tx, memberId, 'memberId')
        const member = tx.select().from(members).where(eq(members.id, memberId)).get()!
        const fullName = `${member.firstName} ${member.lastName}`
        const already = tx
          .select({ id: projectParticipants.id })
          .from(projectParticipants)
          .where(and(eq(projectParticipants.projectId, projectId), eq(projectParticipants.memberId, memberId)))
          .get()
        if (already) {
          const message = `${fullName} participe déjà à ce projet.`
          throw new AppError('CONFLICT', message, [{ path: 'memberId', message }])
        }
        if (storedName === '') storedName = fullName
      }
      const row = tx.insert(projectParticipants).values({ projectId, memberId, name: storedName, role }).returning().get()
      touchProject(tx, projectId, at)
      projectTrail(context, tx, at, projectId).created('participant', row.id, row)
      return participantsOf(tx, projectId).find((p) => p.id === row.id)!
    })
  },

  'participants.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const row = tx.select().from(projectParticipants).where(eq(projectParticipants.id, id)).get()
      if (!row) throw new AppError('NOT_FOUND', 'Ce participant ne fait plus partie du projet : la liste a peut-être été modifiée entre-temps.')
      tx.delete(projectParticipants).where(eq(projectParticipants.id, id)).run()
      touchProject(tx, row.projectId, at)
      projectTrail(context, tx, at, row.projectId).deleted('participant', id, row)
    })
    return { ok: true as const }
  },
}
