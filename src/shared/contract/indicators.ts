import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, idField, okSchema, optionalText, requiredText } from './fields'
import { measurementSchema } from './measurements'

/* What a project is measured by (consumption, attendance…), with its measurements. */

export const indicatorSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  label: z.string(),
  unit: z.string(),
  targetValue: z.number().nullable(),
  /** True when a lower value is better (consumption, costs…). */
  lowerIsBetter: z.boolean(),
  measurements: z.array(measurementSchema),
})
export type Indicator = z.infer<typeof indicatorSchema>
export const indicatorInputSchema = z.object({
  projectId: idField,
  label: requiredText("Le nom de l'indicateur", 200),
  unit: optionalText("L'unité", 40),
  targetValue: z.number({ error: 'La cible doit être un nombre.' }).finite().nullable().default(null),
  lowerIsBetter: z.boolean().default(false),
})
export const indicatorUpdateInput = indicatorInputSchema.omit({ projectId: true }).extend({ id: idField })

export const indicatorsMethods = methodsOf('indicators')({
  'indicators.create': method({ input: indicatorInputSchema, output: indicatorSchema, access: 'profile', changes: ['projects'] }),
  'indicators.update': method({ input: indicatorUpdateInput, output: indicatorSchema, access: 'profile', changes: ['projects'] }),
  /** Its measurements go with it. */
  'indicators.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['projects'] }),
})
