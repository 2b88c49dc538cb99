import { z } from 'zod'
import { method, methodsOf } from './define'
import { inseeCodeField, okSchema, passwordField, requiredText } from './fields'
import { communeProfileSchema } from '../referentiel/profile'
import { communeSetPopulationInput } from './commune'
import { mandateInputSchema } from './mandate'
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
  /**
   * The profile step: the answers (the defaults, maybe edited) and whether the user confirmed them (« Confirmer le
   * profil ») or left them for later. Null: no profile is written (the questionnaire's « non » everywhere).
   */
  profile: z.object({ answers: communeProfileSchema, reviewed: z.boolean() }).nullable().default(null),
  /** The population totale, when the user entered it (else the directory's municipale stands in, marked as such). */
  population: communeSetPopulationInput.nullable().default(null),
})
export type SetupCompleteInput = z.input<typeof setupCompleteInput>

export const setupMethods = methodsOf('setup')({
  'setup.complete': method({
    input: setupCompleteInput,
    output: okSchema,
    access: 'public',
    // The administrator's profile is signed in.
    changes: ['session', 'commune', 'communeProfile', 'mandate', 'members', 'profiles'],
  }),
})
