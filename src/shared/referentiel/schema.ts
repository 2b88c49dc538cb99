import { z } from 'zod'

/**
 * The référentiel of the élu's job, shipped under resources/referentiel/: domains → themes → criteria, each
 * obligation with its legal basis, and the dated legal deadlines. Versioned so that a content update can re-score
 * old campaigns.
 */

/** Facts about the commune that decide which criteria apply (see profile.ts for where each comes from). */
export const PROFILE_FACTS = [
  'pprn', // plan de prévention des risques naturels approuvé
  'ppi', // dans le périmètre d'un plan particulier d'intervention
  'tri', // territoire à risque important d'inondation
  'forestFire', // exposée au risque de feux de forêt
  'seismicZone3to5', // zone de sismicité 3, 4 ou 5
  'volcanic', // exposée au risque volcanique
  'cyclonic', // exposée au risque cyclonique
  'majorRisk', // exposée à au moins un risque majeur (any of the above, or another listed in the DDRM)
  'hasStaff', // emploie au moins un agent
  'agents50Plus', // 50 agents ou plus (équivalents temps plein)
  'hasErp', // possède au moins un établissement recevant du public
  'hasSchool', // a une école publique
  'hasCanteen', // sert une restauration scolaire
  'hasCemetery', // a un cimetière communal
  'hasMunicipalPolice', // a une police municipale
  'hasCcas', // a un CCAS
  'hasWebsite', // a un site internet
  'sruConcerned', // dans une agglomération ou un EPCI visés par l'article L302-5 du CCH
  'ileDeFrance', // en Île-de-France (derived from the région)
  'civilSecurityDelegate', // un adjoint ou conseiller délégué est chargé de la sécurité civile
] as const
export type ProfileFact = (typeof PROFILE_FACTS)[number]

/** Competences a commune may have transferred to its EPCI. */
export const COMPETENCES = [
  'eau',
  'assainissement',
  'dechets',
  'urbanisme',
  'voirie',
  'eclairage_public',
  'gemapi',
  'mobilite',
  'tourisme',
  'developpement_economique',
  'petite_enfance',
  'enfance_jeunesse',
  'action_sociale',
  'equipements_culturels_sportifs',
  'habitat',
  'defense_incendie',
] as const
export type Competence = (typeof COMPETENCES)[number]

export type ApplicabilityRule =
  | { population: { atLeast?: number; below?: number } }
  | { fact: ProfileFact; is: boolean }
  | { competence: Competence; heldBy: 'commune' | 'epci' }
  | { all: ApplicabilityRule[] }
  | { any: ApplicabilityRule[] }

export const applicabilityRuleSchema: z.ZodType<ApplicabilityRule> = z.lazy(() =>
  z.union([
    z
      .object({ population: z.object({ atLeast: z.number().int().positive().optional(), below: z.number().int().positive().optional() }).strict() })
      .strict()
      .refine((r) => r.population.atLeast !== undefined || r.population.below !== undefined, { error: 'seuil de population vide' }),
    z.object({ fact: z.enum(PROFILE_FACTS), is: z.boolean() }).strict(),
    z.object({ competence: z.enum(COMPETENCES), heldBy: z.enum(['commune', 'epci']) }).strict(),
    z.object({ all: z.array(applicabilityRuleSchema).min(1) }).strict(),
    z.object({ any: z.array(applicabilityRuleSchema).min(1) }).strict(),
  ]),
)

export const legalReferenceSchema = z
  .object({
    /** The code or text: "CGCT", "Code de l'environnement", "Loi n° 2005-102", "Décret n° 2018-1186"… */
    code: z.string().min(2),
    /** Article: "L2121-7", "R125-11", "art. 45"… */
    article: z.string().min(1),
    /** What it says, in one plain line. */
    summary: z.string().min(5).optional(),
  })
  .strict()
export type LegalReference = z.infer<typeof legalReferenceSchema>

const idPattern = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/

export const CRITERION_KINDS = ['obligation', 'bonne_pratique', 'indicateur'] as const
export type CriterionKind = (typeof CRITERION_KINDS)[number]

export const criterionSchema = z
  .object({
    /** Unique across the référentiel, stable across versions (answers are keyed on it). */
    id: z.string().regex(idPattern),
    /** A question the council can answer, ending with "?". */
    question: z.string().min(10).endsWith('?'),
    kind: z.enum(CRITERION_KINDS),
    /** 1 (minor) to 5 (essential). */
    weight: z.number().int().min(1).max(5),
    /** Required for obligations: code and article. */
    legalBasis: z.array(legalReferenceSchema).default([]),
    /** When absent the criterion applies to every commune. */
    appliesWhen: applicabilityRuleSchema.optional(),
    /** Plain-French help: what "fait" means here. */
    help: z.string().min(10).optional(),
    /** What to do when it is not done: shown with weaknesses. */
    nextStep: z.string().min(10),
  })
  .strict()
  .refine((c) => c.kind !== 'obligation' || c.legalBasis.length > 0, { error: 'une obligation doit citer sa base légale' })
export type Criterion = z.infer<typeof criterionSchema>

export const COMPETENCE_HOLDERS = ['commune', 'epci', 'partagee'] as const

export const themeSchema = z
  .object({
    id: z.string().regex(idPattern),
    title: z.string().min(3),
    /** What the commune is responsible for, in plain French. */
    description: z.string().min(20),
    /** Who usually holds the competence. */
    usualHolder: z.enum(COMPETENCE_HOLDERS),
    /** The competence that moves to the EPCI when transferred, if any. */
    competence: z.enum(COMPETENCES).optional(),
    legalReferences: z.array(legalReferenceSchema).default([]),
    criteria: z.array(criterionSchema).min(1),
  })
  .strict()
export type Theme = z.infer<typeof themeSchema>

export const domainSchema = z
  .object({
    id: z.string().regex(idPattern),
    title: z.string().min(3),
    description: z.string().min(20),
    themes: z.array(themeSchema).min(1),
  })
  .strict()
export type Domain = z.infer<typeof domainSchema>

export type DeadlineRecurrence =
  /** Every year on a date; `renewalYear` replaces it in the year councils are renewed (e.g. the budget). */
  | { type: 'yearly'; month: number; day: number; renewalYear?: { month: number; day: number } }
  /** At least once per calendar quarter (due on the last day of each quarter). */
  | { type: 'quarterly' }
  /** Once, a number of months after the council's installation. */
  | { type: 'afterInstallation'; months: number }

export const deadlineRecurrenceSchema: z.ZodType<DeadlineRecurrence> = z.union([
  z
    .object({
      type: z.literal('yearly'),
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
      renewalYear: z
        .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
        .strict()
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('quarterly') }).strict(),
  z.object({ type: z.literal('afterInstallation'), months: z.number().int().min(1).max(72) }).strict(),
])

export const deadlineSchema = z
  .object({
    id: z.string().regex(idPattern),
    title: z.string().min(5),
    description: z.string().min(10),
    /** The criterion this deadline belongs to, when there is one. */
    criterionId: z.string().regex(idPattern).optional(),
    legalBasis: z.array(legalReferenceSchema).min(1),
    appliesWhen: applicabilityRuleSchema.optional(),
    recurrence: deadlineRecurrenceSchema,
  })
  .strict()
export type Deadline = z.infer<typeof deadlineSchema>

export const referentielSchema = z
  .object({
    /** Bumped on every content change, e.g. "2026.1". */
    version: z.string().regex(/^\d{4}\.\d+$/),
    /** Date the legal content was last checked (ISO). */
    checkedOn: z.string().regex(/^\d{4}-\d\d-\d\d$/),
    domains: z.array(domainSchema).min(1),
    deadlines: z.array(deadlineSchema).default([]),
  })
  .strict()
export type Referentiel = z.infer<typeof referentielSchema>
