import { desc, eq } from 'drizzle-orm'
import type { CitizenInput } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { AuditTrail, authorOf } from '../audit'
import { citizenInputs } from '../db/schema'
import { actorName } from '../diagnostic/read'
import type { Handlers } from '../dispatcher'

type Row = typeof citizenInputs.$inferSelect

function toCitizenInput(row: Row): CitizenInput {
  return { id: row.id, themeId: row.themeId, summary: row.summary, receivedOn: row.receivedOn, source: row.source, createdBy: row.createdBy }
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
}

/** Requests from inhabitants, per theme: their count shows next to the theme's score and orders its weaknesses. */
export const citizenInputHandlers: Pick<Handlers, 'citizenInputs.list' | 'citizenInputs.add' | 'citizenInputs.remove'> = {
  /** Most recent first. */
  'citizenInputs.list': (_input, { db }) =>
    db.select().from(citizenInputs).orderBy(desc(citizenInputs.receivedOn), desc(citizenInputs.id)).all().map(toCitizenInput),

  'citizenInputs.add': ({ themeId, summary, receivedOn }, context) => {
    if (!context.referentiel().themes.has(themeId)) throw new AppError('NOT_FOUND', "Ce thème n'existe pas dans le référentiel de Cap Commune.")
    if (!isRealDate(receivedOn)) {
      const message = "Cette date n'existe pas : vérifiez le jour et le mois."
      throw new AppError('INVALID_INPUT', message, [{ path: 'receivedOn', message }])
    }
    const at = context.now().toISOString()
    if (receivedOn > at.slice(0, 10)) {
      const message = 'La date de réception ne peut pas être dans le futur.'
      throw new AppError('INVALID_INPUT', message, [{ path: 'receivedOn', message }])
    }
    return context.db.transaction((tx) => {
      const row = tx
        .insert(citizenInputs)
        .values({ themeId, summary, receivedOn, source: 'local', createdAt: at, createdBy: actorName(context) })
        .returning()
        .get()
      new AuditTrail(tx, authorOf(context.actor), at).created('citizenInput', row.id, row)
      return toCitizenInput(row)
    })
  },

  'citizenInputs.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const row = tx.select().from(citizenInputs).where(eq(citizenInputs.id, id)).get()
      if (!row) throw new AppError('NOT_FOUND', "Cette demande n'existe plus : la liste a peut-être été modifiée entre-temps.")
      tx.delete(citizenInputs).where(eq(citizenInputs.id, id)).run()
      new AuditTrail(tx, authorOf(context.actor), at).deleted('citizenInput', id, row)
    })
    return { ok: true as const }
  },
}
