import { z } from 'zod'
import { method, methodsOf } from './define'
import { requiredText } from './fields'
import { applicabilityDecisionSchema } from './referentiel'

/*
 * An administrator marks an obligation applicable, or not, against what its rule computes from the population and
 * the profile (issue 10 §4), with the reason. The decision weighs like the profile — the referentiel, the scores and
 * the calendar of open campaigns follow it — so the methods change 'communeProfile'; a closed campaign keeps what it had.
 */

const criterionIdField = z
  .string({ error: 'Le critère est obligatoire.' })
  .trim()
  .min(1, { error: 'Le critère est obligatoire.' })
  .max(120, { error: 'Ce critère n’existe pas dans le référentiel.' })

export const applicabilityDecideInput = z.object({
  criterionId: criterionIdField,
  applies: z.boolean({ error: 'Indiquez si l’obligation s’applique ou non à la commune.' }),
  reason: requiredText('La raison de la décision', 500),
})
export type ApplicabilityDecideInput = z.infer<typeof applicabilityDecideInput>

export const applicabilityDecisionEntrySchema = applicabilityDecisionSchema.extend({ criterionId: z.string(), question: z.string() })
export type ApplicabilityDecisionEntry = z.infer<typeof applicabilityDecisionEntrySchema>

export const applicabilityMethods = methodsOf('applicability')({
  /** Every decision of the commune, in the référentiel's order, with what the rule alone says. */
  'applicability.list': method({
    input: z.object({}),
    output: z.array(applicabilityDecisionEntrySchema),
    access: 'profile',
    reads: ['commune', 'communeProfile'],
  }),
  'applicability.decide': method({
    input: applicabilityDecideInput,
    output: applicabilityDecisionEntrySchema,
    access: 'admin',
    changes: ['communeProfile'],
  }),
  /** Back to the computed rule. */
  'applicability.undo': method({
    input: z.object({ criterionId: criterionIdField }),
    output: z.object({}),
    access: 'admin',
    changes: ['communeProfile'],
  }),
})
