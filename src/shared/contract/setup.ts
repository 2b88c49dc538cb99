import { z } from 'zod'
import { inseeCodeField, passwordField, requiredText } from './fields'
import { mandateInputSchema } from './commune'
import { memberInputSchema } from './members'

/**
 * Everything the first-launch wizard collects, saved in one transaction:
 * either the whole setup is recorded or nothing is.
 */
export const setupCompleteInput = z.object({
  inseeCode: inseeCodeField,
  mandate: mandateInputSchema,
  members: z.array(memberInputSchema).max(200, { error: "L'équipe ne peut pas compter plus de 200 personnes." }),
  administrator: z.object({
    /** Index in `members` of the person using the app, or null for a profile not tied to anyone in the list. */
    memberIndex: z.number().int().min(0).nullable(),
    displayName: requiredText('Le nom du profil', 80),
    password: passwordField.nullable().default(null),
  }),
})
export type SetupCompleteInput = z.input<typeof setupCompleteInput>

export const appStatusSchema = z.object({
  setupDone: z.boolean(),
  version: z.string(),
  dataDir: z.string(),
  /** Profiles offered on the "who are you?" screen. */
  profiles: z.array(z.object({ id: z.number().int(), displayName: z.string(), hasPassword: z.boolean() })),
  activeProfileId: z.number().int().nullable(),
})
export type AppStatus = z.infer<typeof appStatusSchema>
