import { z } from 'zod'
import { method, methodsOf } from './define'
import { idField, none, requiredText } from './fields'
import { reportFileSchema } from './reports'

/* ─── Resident codes (Paramètres › Portail citoyen › Codes habitant, administrators) ─── */

/** At most this many codes in one batch: the relay's own limit. */
export const MAX_RESIDENT_CODES = 5000

export const residentBatchCreateInput = z.object({
  label: requiredText('Le nom du lot', 120),
  count: z
    .number({ error: 'Indiquez le nombre de codes à créer.' })
    .int({ error: 'Le nombre de codes doit être un nombre entier.' })
    .min(1, { error: 'Il faut au moins un code.' })
    .max(MAX_RESIDENT_CODES, { error: 'Au plus 5 000 codes par lot.' }),
})
export type ResidentBatchCreateInput = z.input<typeof residentBatchCreateInput>

export const residentBatchViewSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  count: z.number().int(),
  /** Codes already used on the portal, from the relay; null when the relay could not be asked. */
  used: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** The batch was made on another relay than the one the commune is connected to now: its codes work only there. */
  otherRelay: z.boolean(),
})
export type ResidentBatchView = z.infer<typeof residentBatchViewSchema>

export const residentBatchListSchema = z.object({
  connected: z.boolean(),
  /** Why the used/unused counts are missing (relay unreachable…), in French; null when they are the relay's. */
  problem: z.string().nullable(),
  batches: z.array(residentBatchViewSchema),
})
export type ResidentBatchList = z.infer<typeof residentBatchListSchema>

export const residentCodesMethods = methodsOf('residentCodes')({
  /** The batches kept here, with the relay's used counts when it answers. */
  'residentCodes.list': method({ input: none, output: residentBatchListSchema, access: 'admin', reads: ['portal'] }),
  /** Needs the relay (the codes come from it); the codes in clear are kept here, never sent back to the screen. */
  'residentCodes.create': method({ input: residentBatchCreateInput, output: residentBatchViewSchema, access: 'admin', changes: ['portal'] }),
  /** The batch's unused codes stop working on the portal; citizens already verified stay verified. Needs the relay. */
  'residentCodes.revoke': method({ input: z.object({ id: idField }), output: residentBatchViewSchema, access: 'admin', changes: ['portal'] }),
  /** The letters to hand out: a PDF with one code per letter, three letters per A4 page. */
  'residentCodes.letters': method({
    input: z.object({ id: idField }),
    output: reportFileSchema,
    access: 'admin',
    reads: ['portal', 'commune', 'logo'],
  }),
})
