import { eq } from 'drizzle-orm'
import { indicators } from '../db/schema'
import type { HandlersOf } from '../handler'
import { getProjectRow, indicatorById, touchProject } from '../projects/queries'
import { projectTrail } from '../projects/trail'

export const indicatorsHandlers: HandlersOf<'indicators'> = {
  'indicators.create': ({ projectId, ...input }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      getProjectRow(tx, projectId)
      const row = tx
        .insert(indicators)
        .values({ projectId, ...input })
        .returning()
        .get()
      touchProject(tx, projectId, at)
      projectTrail(context, tx, at, projectId).created('indicator', row.id, row)
      return indicatorById(tx, row.id)
    })
  },

  'indicators.update': ({ id, ...input }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const { measurements: _values, ...before } = indicatorById(tx, id)
      const row = tx.update(indicators).set(input).where(eq(indicators.id, id)).returning().get()
      touchProject(tx, row.projectId, at)
      projectTrail(context, tx, at, row.projectId).updated('indicator', id, before, row)
      return indicatorById(tx, id)
    })
  },

  /** Removes the indicator and its measurements (recorded with it in the trail). */
  'indicators.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = indicatorById(tx, id)
      tx.delete(indicators).where(eq(indicators.id, id)).run()
      touchProject(tx, before.projectId, at)
      projectTrail(context, tx, at, before.projectId).deleted('indicator', id, before)
    })
    return { ok: true as const }
  },
}
