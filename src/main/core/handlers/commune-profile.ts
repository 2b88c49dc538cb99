import { eq } from 'drizzle-orm'
import { AuditTrail } from '../audit'
import { communeProfile } from '../db/schema'
import { readCommuneProfile } from '../diagnostic/read'
import type { HandlersOf } from '../handler'

export const communeProfileHandlers: HandlersOf<'communeProfile'> = {
  'communeProfile.get': (_input, { db }) => readCommuneProfile(db),

  'communeProfile.update': (input, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const existing = tx.select().from(communeProfile).where(eq(communeProfile.id, 1)).get()
      const before = readCommuneProfile(tx)
      const audit = new AuditTrail(tx, context.actor, at)
      // Saved by someone who went through the questions: the profile is no longer the wizard's defaults.
      const values = { answers: JSON.stringify(input), updatedAt: at, reviewedAt: at }
      if (existing) {
        tx.update(communeProfile).set(values).where(eq(communeProfile.id, 1)).run()
        // One audit row per question group that changed (risks, facilities, agentsFte…).
        audit.updated('communeProfile', 1, before, input)
      } else {
        tx.insert(communeProfile)
          .values({ id: 1, ...values })
          .run()
        audit.created('communeProfile', 1, input)
      }
      return input
    })
  },
}
