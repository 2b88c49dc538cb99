import { desc, eq } from 'drizzle-orm'
import type { CitizenInput } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import { contributionCountsByTheme } from '../citizens/theme-counts'
import { citizenInputs } from '../db/schema'
import type { HandlersOf } from '../handler'
import { todayOf } from '../today'

type Row = typeof citizenInputs.$inferSelect

function toCitizenInput(row: Row): CitizenInput {
  return { id: row.id, themeId: row.themeId, summary: row.summary, receivedOn: row.receivedOn, source: row.source, createdBy: row.createdBy }
}

/** Requests from inhabitants, per theme: their count shows next to the theme's score and orders its weaknesses. */
export const citizenInputsHandlers: HandlersOf<'citizenInputs'> = {
  /** Most recent first. */
  'citizenInputs.list': (_input, { db }) =>
    db.select().from(citizenInputs).orderBy(desc(citizenInputs.receivedOn), desc(citizenInputs.id)).all().map(toCitizenInput),

  'citizenInputs.contributionCounts': (_input, { db }) =>
    [...contributionCountsByTheme(db)].map(([themeId, count]) => ({ themeId, count })).sort((a, b) => a.themeId.localeCompare(b.themeId)),

  'citizenInputs.add': ({ themeId, summary, receivedOn }, context) => {
    if (!context.referentiel().themes.has(themeId)) throw new AppError('NOT_FOUND', "Ce thème n'existe pas dans le référentiel de Cap Commune.")
    const at = context.now().toISOString()
    if (receivedOn > todayOf(context)) {
      const message = 'La date de réception ne peut pas être dans le futur.'
      throw new AppError('INVALID_INPUT', message, [{ path: 'receivedOn', message }])
    }
    return context.db.transaction((tx) => {
      const row = tx
        .insert(citizenInputs)
        .values({ themeId, summary, receivedOn, source: 'local', createdAt: at, createdBy: context.actor.displayName })
        .returning()
        .get()
      new AuditTrail(tx, context.actor, at).created('citizenInput', row.id, row)
      return toCitizenInput(row)
    })
  },

  'citizenInputs.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const row = tx.select().from(citizenInputs).where(eq(citizenInputs.id, id)).get()
      if (!row) throw new AppError('NOT_FOUND', "Cette demande n'existe plus : la liste a peut-être été modifiée entre-temps.")
      tx.delete(citizenInputs).where(eq(citizenInputs.id, id)).run()
      new AuditTrail(tx, context.actor, at).deleted('citizenInput', id, row)
    })
    return { ok: true as const }
  },
}
