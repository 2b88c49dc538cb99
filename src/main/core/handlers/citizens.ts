import { eq } from 'drizzle-orm'
import { contributionDetail, contributionPhoto, contributionRow, listContributions, syncStatus } from '../citizens/queries'
import { contributions } from '../db/schema'
import type { HandlersOf } from '../handler'

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
}
