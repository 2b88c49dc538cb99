import { desc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import type { Commune, DirectoryCommune, Mandate } from '../../../shared/contract'
import type { Db } from '../db/open'
import { commune, mandates } from '../db/schema'
import { AuditTrail, authorOf } from '../audit'
import { DIRECTORY_SOURCE } from '../directory/directory'
import type { HandlerContext } from '../context'
import type { Handlers } from '../dispatcher'

type CommuneRow = typeof commune.$inferSelect

function toCommune(row: CommuneRow): Commune {
  return {
    inseeCode: row.inseeCode,
    name: row.name,
    siren: row.siren,
    population: row.population,
    departementCode: row.departementCode,
    departementName: row.departementName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    postalCodes: JSON.parse(row.postalCodes) as string[],
    epci: row.epciSiren && row.epciName ? { siren: row.epciSiren, name: row.epciName } : null,
    source: row.source,
    updatedAt: row.updatedAt,
  }
}

function communeValues(entry: DirectoryCommune, at: string) {
  return {
    id: 1,
    inseeCode: entry.inseeCode,
    name: entry.name,
    siren: entry.siren,
    population: entry.population,
    departementCode: entry.departementCode,
    departementName: entry.departementName,
    regionCode: entry.regionCode,
    regionName: entry.regionName,
    postalCodes: JSON.stringify(entry.postalCodes),
    epciSiren: entry.epci?.siren ?? null,
    epciName: entry.epci?.name ?? null,
    source: DIRECTORY_SOURCE,
    updatedAt: at,
  }
}

export function findDirectoryCommune(context: HandlerContext, inseeCode: string): DirectoryCommune {
  const entry = context.directory().get(inseeCode)
  if (!entry) {
    throw new AppError('NOT_FOUND', `Aucune commune actuelle ne porte le code INSEE ${inseeCode}. Recherchez-la par son nom ou son code postal.`)
  }
  return entry
}

export function readCommune(db: Db): Commune | null {
  const row = db.select().from(commune).where(eq(commune.id, 1)).get()
  return row ? toCommune(row) : null
}

/** Inserts the commune's single row from the official directory. */
export function insertCommune(db: Db, entry: DirectoryCommune, audit: AuditTrail, at: string): void {
  const values = communeValues(entry, at)
  db.insert(commune).values(values).run()
  audit.created('commune', 1, values)
}

export function currentMandate(db: Db): Mandate | null {
  const row = db.select().from(mandates).orderBy(desc(mandates.startYear)).get()
  return row ? { startYear: row.startYear, endYear: row.endYear, installedOn: row.installedOn } : null
}

export const communeHandlers: Pick<Handlers, 'commune.get' | 'commune.choose' | 'mandate.get' | 'mandate.update'> = {
  'commune.get': (_input, { db }) => {
    const found = readCommune(db)
    if (!found) throw new AppError('NOT_SET_UP', "La commune n'est pas encore renseignée : terminez l'assistant de démarrage.")
    return found
  },

  'commune.choose': ({ inseeCode }, context) => {
    const entry = findDirectoryCommune(context, inseeCode)
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = tx.select().from(commune).where(eq(commune.id, 1)).get()
      if (!before) throw new AppError('NOT_SET_UP', "La commune n'est pas encore renseignée : terminez l'assistant de démarrage.")
      const values = communeValues(entry, at)
      tx.update(commune).set(values).where(eq(commune.id, 1)).run()
      new AuditTrail(tx, authorOf(context.actor), at).updated('commune', 1, before, values)
      return toCommune({ ...values })
    })
  },

  'mandate.get': (_input, { db }) => {
    const mandate = currentMandate(db)
    if (!mandate) throw new AppError('NOT_SET_UP', "Le mandat n'est pas encore renseigné : terminez l'assistant de démarrage.")
    return mandate
  },

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
      new AuditTrail(tx, authorOf(context.actor), at).updated('mandate', row.id, row, values)
      return values
    })
  },
}
