import { z } from 'zod'
import { method, methodsOf } from './define'
import { none } from './fields'
import { outboxItemSchema } from './publications'

/* ─── Anonymous comparison with communes of the same size (Paramètres › Portail citoyen, the diagnostic) ─── */

export const comparisonStatusSchema = z.object({
  /** The commune chose to share its per-domain scores (off until an administrator turns it on). */
  sharing: z.boolean(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
  connected: z.boolean(),
  /** The population band shared, in words; null when the population is unknown. */
  band: z.string().nullable(),
  /** The campaign whose scores are shared: the last closed one, or else the current one. */
  campaign: z.object({ id: z.number().int(), name: z.string(), closed: z.boolean() }).nullable(),
  /** Why nothing can be shared yet, in French (no population, no campaign); null when it can. */
  problem: z.string().nullable(),
  /** The last share or withdrawal through the outbox. */
  item: outboxItemSchema.nullable(),
  /** When the relay's figures were last received. */
  receivedAt: z.string().nullable(),
})
export type ComparisonStatus = z.infer<typeof comparisonStatusSchema>

export const comparisonSharingInput = z.object({ sharing: z.boolean({ error: 'Indiquez si la commune partage ses scores.' }) })

export const comparisonMethods = methodsOf('comparison')({
  'comparison.status': method({
    input: none,
    output: comparisonStatusSchema,
    access: 'profile',
    reads: ['portal', 'campaigns', 'answers', 'commune', 'communeProfile'],
  }),
  /** On: the scores and the band are queued for the relay. Off: the relay is asked to forget them, local figures are cleared. */
  'comparison.setSharing': method({ input: comparisonSharingInput, output: comparisonStatusSchema, access: 'admin', changes: ['portal'] }),
  /** Sends the current scores again and brings back the band's latest figures (or says in `problem` why it cannot). */
  'comparison.refresh': method({ input: none, output: comparisonStatusSchema, access: 'profile', changes: ['portal'] }),
})
