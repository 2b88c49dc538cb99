import type { Handlers } from '../dispatcher'
import { generateReport } from '../reports/generate'
import { normalizeLogo, readLogo, writeLogo } from '../reports/logo'
import { AuditTrail, authorOf } from '../audit'

export const reportHandlers: Pick<Handlers, 'reports.generate' | 'logo.get' | 'logo.set' | 'logo.remove'> = {
  'reports.generate': ({ request, jobId }, context) =>
    generateReport(context, request, (done, total, label) => context.emit('progress', { task: `report:${jobId}`, done, total, label })),

  'logo.get': (_input, { db }) => readLogo(db),

  'logo.set': async ({ fileName, contentBase64 }, context) => {
    const logo = await normalizeLogo(fileName, contentBase64)
    context.db.transaction((tx) => {
      const before = readLogo(tx)
      writeLogo(tx, logo)
      new AuditTrail(tx, authorOf(context.actor), context.now().toISOString()).updated(
        'commune',
        1,
        { logo: before?.fileName ?? null },
        { logo: logo.fileName },
      )
    })
    return logo
  },

  'logo.remove': (_input, context) => {
    context.db.transaction((tx) => {
      const before = readLogo(tx)
      if (!before) return
      writeLogo(tx, null)
      new AuditTrail(tx, authorOf(context.actor), context.now().toISOString()).updated('commune', 1, { logo: before.fileName }, { logo: null })
    })
    return { ok: true as const }
  },
}
