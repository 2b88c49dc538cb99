import { z } from 'zod'
import { method, methodsOf } from './define'
import { directoryCommuneSchema } from './directory'
import { inseeCodeField, none, yearField } from './fields'

export const communeSchema = directoryCommuneSchema.extend({
  /** Population totale in force entered by the commune; null until then (the municipale stands in, marked so). */
  populationTotale: z.number().int().nullable(),
  /** Year of the 1 January from which it is in force. */
  populationTotaleYear: z.number().int().nullable(),
  /** Where the figures come from, shown next to them. */
  source: z.string(),
  updatedAt: z.string(),
})
export type Commune = z.infer<typeof communeSchema>

export const communeChooseInput = z.object({ inseeCode: inseeCodeField })

/** The population totale of the INSEE's figures in force on 1 January (null: back to the directory's municipale). */
export const populationTotaleField = z
  .number({ error: 'La population totale doit être un nombre entier d’habitants.' })
  .int({ error: 'La population totale est un nombre entier d’habitants.' })
  .min(1, { error: 'La population totale compte au moins un habitant.' })
  .max(3_000_000, { error: 'La population totale semble trop grande : vérifiez le chiffre.' })

export const communeSetPopulationInput = z.object({
  populationTotale: populationTotaleField.nullable(),
  year: yearField.nullable().default(null),
})

/** An obligation that starts or stops applying after a change of the commune's facts. */
export const obligationChangeSchema = z.object({ criterionId: z.string(), question: z.string(), legalBasis: z.string() })
export type ObligationChange = z.infer<typeof obligationChangeSchema>

export const populationChangeSchema = z.object({
  commune: communeSchema,
  starting: z.array(obligationChangeSchema),
  stopping: z.array(obligationChangeSchema),
})

export const communeMethods = methodsOf('commune')({
  'commune.get': method({ input: none, output: communeSchema, access: 'profile', reads: ['commune'] }),
  'commune.choose': method({ input: communeChooseInput, output: communeSchema, access: 'admin', changes: ['commune'] }),
  /** The population totale in force; says which obligations start or stop applying. */
  'commune.setPopulation': method({
    input: communeSetPopulationInput,
    output: populationChangeSchema,
    access: 'admin',
    changes: ['commune'],
  }),
})
