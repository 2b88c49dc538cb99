import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { measurements } from '../db/schema'
import type { HandlersOf } from '../handler'
import { indicatorById, touchProject } from '../projects/queries'
import { projectTrail } from '../projects/trail'

export const measurementsHandlers: HandlersOf<'measurements'> = {
  'measurements.add': ({ indicatorId, measuredOn, value }, context) => {
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
