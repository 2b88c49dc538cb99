import { z } from 'zod'
import { inseeCodeField, yearField } from './fields'

export const epciSchema = z.object({ siren: z.string(), name: z.string() })

/** One entry of the offline directory of current communes. */
export const directoryCommuneSchema = z.object({
  inseeCode: z.string(),
  name: z.string(),
  departementCode: z.string(),
  departementName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  postalCodes: z.array(z.string()),
  siren: z.string(),
  population: z.number().int().nullable(),
  epci: epciSchema.nullable(),
})
export type DirectoryCommune = z.infer<typeof directoryCommuneSchema>

export const communeSchema = directoryCommuneSchema.extend({
  /** Where the figures come from, shown next to them. */
  source: z.string(),
  updatedAt: z.string(),
})
export type Commune = z.infer<typeof communeSchema>

export const mandateSchema = z.object({
  startYear: z.number().int(),
  endYear: z.number().int(),
  /** ISO date (YYYY-MM-DD) the council was installed, null until known. */
  installedOn: z.string().nullable(),
})
export type Mandate = z.infer<typeof mandateSchema>

const ISO_DATE = /^(\d{4})-(\d\d)-(\d\d)$/

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

const installedOnField = z
  .string({ error: "La date d'installation du conseil doit être un texte." })
  .refine(isIsoDate, { error: "La date d'installation du conseil n'est pas valide (format AAAA-MM-JJ, exemple : 2026-03-27)." })
  .nullable()
  /** Absent: unchanged on update (null at setup). */
  .optional()

export const mandateInputSchema = z
  .object({ startYear: yearField, endYear: yearField, installedOn: installedOnField })
  .refine((m) => m.endYear > m.startYear, {
    error: "L'année de fin du mandat doit être après l'année de début.",
    path: ['endYear'],
  })
  .refine((m) => m.endYear - m.startYear <= 7, {
    error: 'Un mandat municipal dure six ans (sept au plus en cas de report des élections).',
    path: ['endYear'],
  })
  .refine((m) => m.installedOn == null || !isIsoDate(m.installedOn) || [m.startYear, m.startYear + 1].includes(Number(m.installedOn.slice(0, 4))), {
    error: "Le conseil est installé l'année du début du mandat ou l'année suivante : vérifiez la date d'installation.",
    path: ['installedOn'],
  })

export const communeSearchInput = z.object({
  query: z.string({ error: 'La recherche doit être un texte.' }).max(100, { error: 'La recherche ne doit pas dépasser 100 caractères.' }),
  limit: z.number().int().min(1).max(50).default(20),
})

export const communeChooseInput = z.object({ inseeCode: inseeCodeField })

/** The current mandate: councils elected in March 2026 serve until 2032. */
export const DEFAULT_MANDATE: Mandate = { startYear: 2026, endYear: 2032, installedOn: null }
