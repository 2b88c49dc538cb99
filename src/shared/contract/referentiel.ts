import { z } from 'zod'
import { COMPETENCE_HOLDERS, COMPETENCES, CRITERION_KINDS, legalReferenceSchema } from '../referentiel/schema'
import { method, methodsOf } from './define'
import { none } from './fields'

/* The référentiel as seen by this commune: each criterion says whether it applies, and why not. */

/** An administrator's decision on an obligation, with what its rule alone says (applicability.decide). */
export const applicabilityDecisionSchema = z.object({
  applies: z.boolean(),
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  ruleApplies: z.boolean(),
  ruleReason: z.string(),
})

export const applicabilitySchema = z.object({
  applies: z.boolean(),
  reason: z.string(),
  /** Present when the commune decided against (or beside) the computed rule. */
  decision: applicabilityDecisionSchema.optional(),
})
export type CriterionApplicability = z.infer<typeof applicabilitySchema>

export const criterionViewSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.enum(CRITERION_KINDS),
  weight: z.number().int(),
  legalBasis: z.array(legalReferenceSchema),
  help: z.string().nullable(),
  nextStep: z.string(),
  /** For this commune, from its population and profile questionnaire. */
  applicability: applicabilitySchema,
})
export type CriterionView = z.infer<typeof criterionViewSchema>

export const themeViewSchema = z.object({
  id: z.string(),
  domainId: z.string(),
  title: z.string(),
  description: z.string(),
  usualHolder: z.enum(COMPETENCE_HOLDERS),
  competence: z.enum(COMPETENCES).nullable(),
  legalReferences: z.array(legalReferenceSchema),
  criteria: z.array(criterionViewSchema),
})
export type ThemeView = z.infer<typeof themeViewSchema>

export const domainViewSchema = z.object({ id: z.string(), title: z.string(), description: z.string(), themes: z.array(themeViewSchema) })
export type DomainView = z.infer<typeof domainViewSchema>

export const referentielViewSchema = z.object({
  version: z.string(),
  checkedOn: z.string(),
  domains: z.array(domainViewSchema),
})
export type ReferentielView = z.infer<typeof referentielViewSchema>

export const referentielMethods = methodsOf('referentiel')({
  'referentiel.get': method({ input: none, output: referentielViewSchema, access: 'profile', reads: ['commune', 'communeProfile'] }),
})
