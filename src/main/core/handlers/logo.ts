import { AuditTrail } from '../audit'
import type { HandlersOf } from '../handler'
import { normalizeLogo, readLogo, writeLogo } from '../reports/logo'

export const logoHandlers: HandlersOf<'logo'> = {
  'logo.get': (_input, { db }) => readLogo(db),

  'logo.set': async ({ fileName, contentBase64 }, context) => {
    const logo = await normalizeLogo(fileName, contentBase64)
    context.db.transaction((tx) => {
      const before = readLogo(tx)
      writeLogo(tx, logo)
      new AuditTrail(tx, context.actor, context.now().toISOString()).updated(
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
      new AuditTrail(tx, context.actor, context.now().toISOString()).updated('commune', 1, { logo: before.fileName }, { logo: null })
    })
    return { ok: true as const }
  },
}
