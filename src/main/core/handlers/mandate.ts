import { desc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import { requireMandate } from '../commune/queries'
import { mandates } from '../db/schema'
import type { HandlersOf } from '../handler'

export const mandateHandlers: HandlersOf<'mandate'> = {
  'mandate.get': (_input, { db }) => requireMandate(db),

  'mandate.update': (input, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const row = tx.select().from(mandates).orderBy(desc(mandates.startYear)).get()
      if (!row) throw new AppError('NOT_SET_UP', "Le mandat n'est pas encore renseigné : terminez l'assistant de démarrage.")
      // installedOn absent (a caller that does not know the field): keep the date already recorded.
      const values = {
        startYear: input.startYear,
        endYear: input.endYear,
        installedOn: input.installedOn === undefined ? row.installedOn : input.installedOn,
      }
      tx.update(mandates).set(values).where(eq(mandates.id, row.id)).run()
      new AuditTrail(tx, context.actor, at).updated('mandate', row.id, row, values)
      return values
    })
  },
}
