import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, isoDateField, none, okSchema, requiredText, themeIdField } from './fields'

/* What citizens asked for, by theme (typed in at the mairie, or received through the relay). */

export const citizenInputSchema = z.object({
  id: z.number().int(),
  themeId: z.string(),
  summary: z.string(),
  receivedOn: z.string(),
  source: z.enum(['local', 'relay']),
  createdBy: z.string(),
})
export type CitizenInput = z.infer<typeof citizenInputSchema>

export const citizenInputAddInput = z.object({
  themeId: themeIdField,
  summary: requiredText('Le résumé de la demande', 500),
  receivedOn: isoDateField,
})

/** Per référentiel theme, the portal's contributions linked to it (neither hidden nor duplicates). */
export const themeContributionCountSchema = z.object({ themeId: z.string(), count: z.number().int() })
export type ThemeContributionCount = z.infer<typeof themeContributionCountSchema>

export const citizenInputsMethods = methodsOf('citizenInputs')({
  'citizenInputs.list': method({ input: none, output: z.array(citizenInputSchema), access: 'profile', reads: ['citizenInputs'] }),
  'citizenInputs.contributionCounts': method({
    input: none,
    output: z.array(themeContributionCountSchema),
    access: 'profile',
    reads: ['citizens'],
  }),
  'citizenInputs.add': method({ input: citizenInputAddInput, output: citizenInputSchema, access: 'profile', changes: ['citizenInputs'] }),
  'citizenInputs.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['citizenInputs'] }),
})
