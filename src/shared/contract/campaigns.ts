import { z } from 'zod'
import { method, methodsOf } from './define'
import { idField, none, requiredText } from './fields'

export const campaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  referentielVersion: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  closedAt: z.string().nullable(),
  /** Share of applicable criteria answered, 0–100. */
  answeredPercent: z.number(),
  /** Overall score (% done), 0–100. */
  score: z.number(),
})
export type Campaign = z.infer<typeof campaignSchema>

export const campaignCreateInput = z.object({
  name: requiredText('Le nom de la campagne', 80),
  /** Start from the answers of an earlier campaign (they can then be updated). */
  copyFrom: idField.nullable().default(null),
})
export const campaignUpdateInput = z.object({ id: idField, name: requiredText('Le nom de la campagne', 80), closed: z.boolean() })

export const campaignsMethods = methodsOf('campaigns')({
  /** Newest first, each with how far it is answered and its overall score. */
  'campaigns.list': method({
    input: none,
    output: z.array(campaignSchema),
    access: 'profile',
    reads: ['campaigns', 'answers', 'commune', 'communeProfile', 'citizenInputs', 'citizens'],
  }),
  'campaigns.create': method({ input: campaignCreateInput, output: campaignSchema, access: 'admin', changes: ['campaigns', 'answers'] }),
  'campaigns.update': method({ input: campaignUpdateInput, output: campaignSchema, access: 'admin', changes: ['campaigns'] }),
  /** An open campaign started on an older référentiel takes the current version: the notice of what changed goes. */
  'campaigns.adoptVersion': method({ input: z.object({ id: idField }), output: campaignSchema, access: 'admin', changes: ['campaigns'] }),
})
