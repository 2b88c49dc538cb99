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
  'pprnPrescribed', // plan de prévention des risques naturels prescrit (en cours d'élaboration)
  'hasStaff', // emploie au moins un agent
  'staff11Plus', // effectif d'au moins 11 agents (tous statuts et quotités)
  'staff50Plus', // effectif d'au moins 50 agents (tous statuts et quotités)
  'fte50Plus', // 50 agents ou plus en équivalents temps plein
  'tertiary1000', // au moins 1 000 m² de surface tertiaire dans un bâtiment ou sur un même site
  'qpv', // comprend un quartier prioritaire de la politique de la ville
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

/**
 * Which population a threshold compares: the population totale unless a text says otherwise (décret
 * d'authentification des populations, e.g. n° 2013-1289 art. 3), the population municipale for electoral rules.
 */
export const POPULATION_MEASURES = ['totale', 'municipale'] as const
export type PopulationMeasure = (typeof POPULATION_MEASURES)[number]

/**
 * A population threshold, in the words of its text: « plus de N » is `moreThan`, « N habitants et plus » /
 * « au moins N » is `atLeast`, « moins de N » is `below`, « N habitants au plus » is `atMost`. One lower and/or one
 * upper bound.
 */
export interface PopulationRule {
  measure: PopulationMeasure
  moreThan?: number
  atLeast?: number
  below?: number
  atMost?: number
}

export type ApplicabilityRule =
  | { population: PopulationRule }
  | { fact: ProfileFact; is: boolean }
  | { competence: Competence; heldBy: 'commune' | 'epci' }
  | { all: ApplicabilityRule[] }
  | { any: ApplicabilityRule[] }

export const applicabilityRuleSchema: z.ZodType<ApplicabilityRule> = z.lazy(() =>
  z.union([
    z
      .object({
        population: z
          .object({
            measure: z.enum(POPULATION_MEASURES),
            moreThan: z.number().int().positive().optional(),
            atLeast: z.number().int().positive().optional(),
            below: z.number().int().positive().optional(),
            atMost: z.number().int().positive().optional(),
          })
          .strict(),
      })
      .strict()
      .refine((r) => [r.population.moreThan, r.population.atLeast, r.population.below, r.population.atMost].some((n) => n !== undefined), {
        error: 'seuil de population vide',
      })
      .refine((r) => r.population.moreThan === undefined || r.population.atLeast === undefined, { error: 'deux seuils bas' })
      .refine((r) => r.population.below === undefined || r.population.atMost === undefined, { error: 'deux seuils hauts' }),
    z.object({ fact: z.enum(PROFILE_FACTS), is: z.boolean() }).strict(),
    z.object({ competence: z.enum(COMPETENCES), heldBy: z.enum(['commune', 'epci']) }).strict(),
    z.object({ all: z.array(applicabilityRuleSchema).min(1) }).strict(),
    z.object({ any: z.array(applicabilityRuleSchema).min(1) }).strict(),
  ]),
)

/** Where the texts are read: Légifrance, EUR-Lex and the State's own sites. */
export const OFFICIAL_SOURCE_HOSTS = [
  'www.legifrance.gouv.fr',
  'eur-lex.europa.eu',
  'www.collectivites-locales.gouv.fr',
  'www.service-public.fr',
  'www.insee.fr',
] as const

/** The whole code on Légifrance (`/codes/texte_lc/LEGITEXT…/`), not one of its articles. */
export function isWholeCodeLink(url: string): boolean {
  return /^https:\/\/www\.legifrance\.gouv\.fr\/codes\/texte_lc\/LEGITEXT\d{12}\/?$/.test(url)
}

/** One article of a code on Légifrance (`/codes/article_lc/LEGIARTI…`). */
export function isArticleLink(url: string): boolean {
  return /^https:\/\/www\.legifrance\.gouv\.fr\/codes\/article_lc\/LEGIARTI\d{12}\/?$/.test(url)
}

const isoDay = z.string().regex(/^\d{4}-\d\d-\d\d$/)

export const legalReferenceSchema = z
  .object({
    /** The code or text: "CGCT", "Code de l'environnement", "Loi n° 2005-102", "Décret n° 2018-1186"… */
    code: z.string().min(2),
    /** Article: "L2121-7", "R125-11", "art. 45"… */
    article: z.string().min(1),
    /** What it says, in one plain line. */
    summary: z.string().min(5).optional(),
    /** The official text: the article's own page on Légifrance, the law's ELI page, EUR-Lex… or, last resort, the code. */
    url: z.url().refine((u) => (OFFICIAL_SOURCE_HOSTS as readonly string[]).includes(new URL(u).host) && u.startsWith('https://'), {
      error: 'le lien doit mener à Légifrance ou à un site officiel, en https',
    }),
    /**
     * 'code': the link opens the whole code, not the article (its identifier on Légifrance could not be verified);
     * the screens and the reports say « lien vers le code » so the user knows to look the article up.
     */
    linksTo: z.literal('code').optional(),
    /** When the article's wording was last compared with this reference (ISO date). */
    checkedOn: isoDay,
    /** What could not be confirmed when it was checked, said plainly (shown with the reference). */
    note: z.string().min(10).optional(),
  })
  .strict()
  .refine((r) => r.linksTo !== 'code' || isWholeCodeLink(r.url), {
    error: 'une source marquée « lien vers le code » doit mener à la page du code sur Légifrance',
    path: ['linksTo'],
  })
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
  /**
   * Every year on a date. `renewalYear` says what the text does in the year councils are renewed: another date
   * (the budget: 30 April instead of 15 April) or 'unchanged' — never left unsaid.
   */
  | { type: 'yearly'; month: number; day: number; renewalYear: { month: number; day: number } | 'unchanged' }
  /** At least once per calendar quarter (due on the last day of each quarter). */
  | { type: 'quarterly' }
  /** Once, a number of months after the council's installation. */
  | { type: 'afterInstallation'; months: number }
  /** Once, in the calendar year after the general renewal (due on the given day of that year). */
  | { type: 'yearAfterRenewal'; month: number; day: number }
  /** Within the N months before the budget session: the window ends on the planned session (or the legal deadline). */
  | { type: 'beforeBudget'; months: number }

export const deadlineRecurrenceSchema: z.ZodType<DeadlineRecurrence> = z.union([
  z
    .object({
      type: z.literal('yearly'),
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
      renewalYear: z.union([
        z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).strict(),
        z.literal('unchanged'),
      ]),
    })
    .strict(),
  z.object({ type: z.literal('quarterly') }).strict(),
  z.object({ type: z.literal('afterInstallation'), months: z.number().int().min(1).max(72) }).strict(),
  z.object({ type: z.literal('yearAfterRenewal'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).strict(),
  z.object({ type: z.literal('beforeBudget'), months: z.number().int().min(1).max(12) }).strict(),
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
    /** Date of the last review of the legal content as a whole (ISO); each reference has its own date too. */
    checkedOn: isoDay,
    /** What changed since the previous version, in plain French (shown to communes whose open campaign moves). */
    changes: z.array(z.string().min(10)).default([]),
    domains: z.array(domainSchema).min(1),
    deadlines: z.array(deadlineSchema).default([]),
  })
  .strict()
export type Referentiel = z.infer<typeof referentielSchema>
