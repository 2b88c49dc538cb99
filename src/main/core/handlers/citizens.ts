import { eq } from 'drizzle-orm'
import { contributionDetail, contributionPhoto, contributionRow, listContributions, syncStatus } from '../citizens/queries'
import { duplicateCandidates, linkContribution } from '../citizens/links'
import { transformIntoProject } from '../citizens/transform'
import { contributions } from '../db/schema'
import type { HandlersOf } from '../handler'
import { AuditTrail } from '../audit'
import { queueContributionUpdate, type ContributionUpdate } from '../portal/contribution-updates'

export const citizensHandlers: HandlersOf<'citizens'> = {
  'citizens.syncStatus': (_input, context) => syncStatus(context),

  'citizens.syncNow': async (_input, context) => {
    if (!context.citizensPuller) return { received: 0, newContributions: 0, pages: 0, problem: 'La synchronisation n’est pas disponible.' }
    return context.citizensPuller.run()
  },

  'citizens.list': (input, context) => listContributions(context, input),

  'citizens.get': ({ id }, context) => contributionDetail(context, id),

  'citizens.markSeen': ({ id }, context) => {
    const row = contributionRow(context.db, id)
    // Reading is not a change of the record: not in the journal.
    if (row.seenAt === null) context.db.update(contributions).set({ seenAt: context.now().toISOString() }).where(eq(contributions.id, id)).run()
    return { ok: true as const }
  },

  'citizens.photo': ({ id }, context) => contributionPhoto(context, id),

  'citizens.update': ({ id, ...input }, context) => {
    const at = context.now().toISOString()
    const changed = context.db.transaction((tx) => {
      const before = contributionRow(tx, id)
      const after = {
        status: input.status ?? before.status,
        publicAnswer: input.publicAnswer === undefined ? before.publicAnswer : input.publicAnswer || null,
        moderation: input.moderation ?? before.moderation,
      }
      // Only what differs goes to the relay: choosing the same status twice sends nothing.
      const change: ContributionUpdate = {}
      if (after.status !== before.status) change.status = after.status
      if (after.publicAnswer !== before.publicAnswer) change.publicAnswer = after.publicAnswer
      if (after.moderation !== before.moderation) change.moderation = after.moderation as 'publiee' | 'masquee'
      if (Object.keys(change).length === 0) return false
      tx.update(contributions).set(after).where(eq(contributions.id, id)).run()
      queueContributionUpdate(tx, id, before.pendingUpdate, change, at)
      new AuditTrail(tx, context.actor, at).updated('contribution', id, before, after)
      return true
    })
    if (changed) context.portalSender?.kick()
    return contributionDetail(context, id)
  },

  'citizens.link': ({ id, ...input }, context) => {
    linkContribution(context, id, input)
    return contributionDetail(context, id)
  },

  'citizens.duplicateCandidates': ({ id, search }, context) => duplicateCandidates(context, id, search),

  'citizens.transform': ({ id }, context) => {
    const projectId = transformIntoProject(context, id)
    return { projectId, contribution: contributionDetail(context, id) }
  },

  'citizens.sendNow': async (_input, context) => {
    if (!context.portalSender) return { sent: 0, failed: 0, problem: 'L’envoi au portail n’est pas disponible.' }
    return context.portalSender.run({ all: true })
  },
}
