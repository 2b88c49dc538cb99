import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { indicators, measurements } from '../db/schema'
import type { Handlers } from '../dispatcher'
import { assertRealDates } from '../projects/dates'
import { getProjectRow, indicatorById, touchProject } from '../projects/queries'
import { projectTrail } from '../projects/trail'

export const indicatorHandlers: Pick<
  Handlers,
  'indicators.create' | 'indicators.update' | 'indicators.remove' | 'measurements.add' | 'measurements.remove'
> = {
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

  'measurements.add': ({ indicatorId, measuredOn, value }, context) => {
    assertRealDates({ measuredOn })
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const indicator = indicatorById(tx, indicatorId)
      const row = tx.insert(measurements).values({ indicatorId, measuredOn, value }).returning().get()
      touchProject(tx, indicator.projectId, at)
      projectTrail(context, tx, at, indicator.projectId).created('measurement', row.id, row)
      return { id: row.id, measuredOn: row.measuredOn, value: row.value }
    })
  },

  'measurements.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const row = tx.select().from(measurements).where(eq(measurements.id, id)).get()
      if (!row) throw new AppError('NOT_FOUND', "Cette mesure n'existe plus : la liste a peut-être été modifiée entre-temps.")
      const { projectId } = indicatorById(tx, row.indicatorId)
      tx.delete(measurements).where(eq(measurements.id, id)).run()
      touchProject(tx, projectId, at)
      projectTrail(context, tx, at, projectId).deleted('measurement', id, row)
    })
    return { ok: true as const }
  },
}
