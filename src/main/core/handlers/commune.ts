import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import { obligationChanges } from '../commune/obligation-changes'
import { communeValues, findDirectoryCommune, requireCommune, toCommune } from '../commune/queries'
import { commune } from '../db/schema'
import { communeContext } from '../diagnostic/read'
import type { HandlersOf } from '../handler'

export const communeHandlers: HandlersOf<'commune'> = {
  'commune.get': (_input, { db }) => requireCommune(db),

  'commune.choose': ({ inseeCode }, context) => {
    const entry = findDirectoryCommune(context, inseeCode)
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = tx.select().from(commune).where(eq(commune.id, 1)).get()
      if (!before) throw new AppError('NOT_SET_UP', "La commune n'est pas encore renseignée : terminez l'assistant de démarrage.")
      const values = communeValues(entry, at)
      tx.update(commune).set(values).where(eq(commune.id, 1)).run()
      new AuditTrail(tx, context.actor, at).updated('commune', 1, before, values)
      return toCommune({ ...values })
    })
  },

  /** The population totale in force (INSEE), entered by the commune; null goes back to the directory's municipale. */
  'commune.setPopulation': ({ populationTotale, year }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = tx.select().from(commune).where(eq(commune.id, 1)).get()
      if (!before) throw new AppError('NOT_SET_UP', "La commune n'est pas encore renseignée : terminez l'assistant de démarrage.")
      const contextBefore = communeContext(tx)
      const values = { populationTotale, populationTotaleYear: populationTotale === null ? null : year }
      tx.update(commune).set(values).where(eq(commune.id, 1)).run()
      new AuditTrail(tx, context.actor, at).updated('commune', 1, before, values)
      return { commune: requireCommune(tx), ...obligationChanges(context, contextBefore, communeContext(tx)) }
    })
  },
}
