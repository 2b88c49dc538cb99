import { z } from 'zod'
import { method, methodsOf } from './define'
import { isRealIsoDate, none, yearField } from './fields'

export const mandateSchema = z.object({
  startYear: z.number().int(),
  endYear: z.number().int(),
  /** ISO date (YYYY-MM-DD) the council was installed, null until known. */
  installedOn: z.string().nullable(),
})
export type Mandate = z.infer<typeof mandateSchema>

const installedOnField = z
  .string({ error: "La date d'installation du conseil doit être un texte." })
  .refine(isRealIsoDate, { error: "La date d'installation du conseil n'est pas valide (format AAAA-MM-JJ, exemple : 2026-03-27)." })
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
  .refine(
    (m) => m.installedOn == null || !isRealIsoDate(m.installedOn) || [m.startYear, m.startYear + 1].includes(Number(m.installedOn.slice(0, 4))),
    {
      error: "Le conseil est installé l'année du début du mandat ou l'année suivante : vérifiez la date d'installation.",
      path: ['installedOn'],
    },
  )

/** The current mandate: councils elected in March 2026 serve until 2032. */
export const DEFAULT_MANDATE: Mandate = { startYear: 2026, endYear: 2032, installedOn: null }

export const mandateMethods = methodsOf('mandate')({
  'mandate.get': method({ input: none, output: mandateSchema, access: 'profile', reads: ['mandate'] }),
  'mandate.update': method({ input: mandateInputSchema, output: mandateSchema, access: 'admin', changes: ['mandate'] }),
})
