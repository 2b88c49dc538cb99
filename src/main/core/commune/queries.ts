/** The commune's single row and its mandates, as the commune, setup, calendar and planning handlers read them. */
import { desc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import type { Commune, DirectoryCommune, Mandate } from '../../../shared/contract'
import type { Db } from '../db/open'
import { commune, mandates } from '../db/schema'
import type { AuditTrail } from '../audit'
import { DIRECTORY_SOURCE } from '../directory/directory'
import type { CoreEnvironment } from '../context'

export type CommuneRow = typeof commune.$inferSelect

export function toCommune(row: CommuneRow): Commune {
  return {
    inseeCode: row.inseeCode,
    name: row.name,
    siren: row.siren,
    population: row.population,
    populationTotale: row.populationTotale,
    populationTotaleYear: row.populationTotaleYear,
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

export function communeValues(entry: DirectoryCommune, at: string) {
  return {
    id: 1,
    inseeCode: entry.inseeCode,
    name: entry.name,
    siren: entry.siren,
    population: entry.population,
    // Another commune: its population totale is not known yet.
    populationTotale: null,
    populationTotaleYear: null,
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

export function findDirectoryCommune(context: Pick<CoreEnvironment, 'directory'>, inseeCode: string): DirectoryCommune {
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

export function requireCommune(db: Db): Commune {
  const found = readCommune(db)
  if (!found) throw new AppError('NOT_SET_UP', "La commune n'est pas encore renseignée : terminez l'assistant de démarrage.")
  return found
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

export function requireMandate(db: Db): Mandate {
  const mandate = currentMandate(db)
  if (!mandate) throw new AppError('NOT_SET_UP', "Le mandat n'est pas encore renseigné : terminez l'assistant de démarrage.")
  return mandate
}
