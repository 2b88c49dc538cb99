import { z } from 'zod'
import { communeProfileSchema } from '../referentiel/profile'
import { COMPETENCE_HOLDERS, COMPETENCES, CRITERION_KINDS, legalReferenceSchema } from '../referentiel/schema'
import { idField, optionalText, requiredText } from './fields'

/* ─── Référentiel, as seen by this commune ─────────────────────────────────────────── */

const applicabilitySchema = z.object({ applies: z.boolean(), reason: z.string() })

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

/* ─── Who covers which theme ───────────────────────────────────────────────────────── */

export const THEME_LINKS = ['delegation', 'interet'] as const
export const themeAssignmentSchema = z.object({ memberId: z.number().int(), themeId: z.string(), link: z.enum(THEME_LINKS) })
export type ThemeAssignment = z.infer<typeof themeAssignmentSchema>

const themeIdField = z.string({ error: 'Le thème doit être indiqué.' }).min(1, { error: 'Le thème doit être indiqué.' }).max(120)
const criterionIdField = z.string({ error: 'Le critère doit être indiqué.' }).min(1, { error: 'Le critère doit être indiqué.' }).max(160)

export const themeAssignInput = z.object({
  memberId: idField,
  themeId: themeIdField,
  /** null removes the link. */
  link: z.enum(THEME_LINKS, { error: 'Le lien doit être « délégation » ou « intérêt ».' }).nullable(),
})

/* ─── Campaigns and answers ────────────────────────────────────────────────────────── */

export const ANSWER_STATUSES = ['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne', 'partiel'] as const
export type AnswerStatus = (typeof ANSWER_STATUSES)[number]
export const ANSWER_STATUS_LABELS: Record<AnswerStatus, string> = {
  fait: 'Fait',
  programme: 'Programmé',
  pas_fait: 'Pas fait',
  partiel: 'En partie',
  non_concerne: 'Non concerné',
  non_renseigne: 'Non renseigné',
}

/** For a "partiel" answer: the shares of fait / programmé / pas fait, in percent, totalling 100. */
export const answerSplitSchema = z
  .object({
    done: z.number().int().min(0).max(100),
    programmed: z.number().int().min(0).max(100),
    notDone: z.number().int().min(0).max(100),
  })
  .refine((s) => s.done + s.programmed + s.notDone === 100, { error: 'Les parts fait, programmé et pas fait doivent totaliser 100 %.' })
export type AnswerSplit = z.infer<typeof answerSplitSchema>

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

export const evidenceSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
  addedBy: z.string(),
})
export type Evidence = z.infer<typeof evidenceSchema>

export const answerSchema = z.object({
  campaignId: z.number().int(),
  criterionId: z.string(),
  status: z.enum(ANSWER_STATUSES),
  split: answerSplitSchema.nullable(),
  comment: z.string(),
  answeredBy: z.string(),
  answeredAt: z.string(),
  evidence: z.array(evidenceSchema),
})
export type Answer = z.infer<typeof answerSchema>

export const answerSaveInput = z
  .object({
    campaignId: idField,
    criterionId: criterionIdField,
    status: z.enum(ANSWER_STATUSES, { error: "Cette réponse n'existe pas." }),
    split: answerSplitSchema.nullable().default(null),
    comment: optionalText('Le commentaire', 2000),
  })
  .refine((a) => a.status !== 'partiel' || a.split !== null, {
    error: 'Pour une réponse partielle, indiquez les parts fait, programmé et pas fait.',
    path: ['split'],
  })

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
export const evidenceAddInput = z.object({
  campaignId: idField,
  criterionId: criterionIdField,
  fileName: requiredText('Le nom du fichier', 200),
  /** The file's bytes, base64. */
  contentBase64: z
    .string()
    .min(1, { error: 'Le fichier est vide.' })
    .max(Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 4, { error: 'Le fichier dépasse 20 Mo : joignez un fichier plus léger.' }),
})
export const evidenceFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() })
/**
 * `attachments.open`, `evidence.open`: whether the computer's own viewer opened the file. false where the host cannot
 * (the browser) or for a type that is not a document (a program is never run): the renderer then downloads it.
 */
export const fileOpenedSchema = z.object({ opened: z.boolean() })

/* ─── Scores ───────────────────────────────────────────────────────────────────────── */

/** Shares of the applicable weight, in percent (0–100, one decimal); they total 100. */
export const breakdownSchema = z.object({
  /** Weight points that count (applicable criteria, after redistribution). */
  potential: z.number(),
  done: z.number(),
  programmed: z.number(),
  notDone: z.number(),
  notAnswered: z.number(),
  applicableCriteria: z.number().int(),
  answeredCriteria: z.number().int(),
})
export type Breakdown = z.infer<typeof breakdownSchema>

export const themeScoreSchema = breakdownSchema.extend({
  themeId: z.string(),
  domainId: z.string(),
  title: z.string(),
  /** False when no criterion of the theme applies to the commune. */
  applies: z.boolean(),
  unmetObligations: z.number().int(),
  citizenInputs: z.number().int(),
})
export type ThemeScore = z.infer<typeof themeScoreSchema>

export const domainScoreSchema = breakdownSchema.extend({
  domainId: z.string(),
  title: z.string(),
  applies: z.boolean(),
  unmetObligations: z.number().int(),
  themes: z.array(themeScoreSchema),
})
export type DomainScore = z.infer<typeof domainScoreSchema>

export const blockingPointSchema = z.object({
  criterionId: z.string(),
  themeId: z.string(),
  domainId: z.string(),
  themeTitle: z.string(),
  question: z.string(),
  status: z.enum(ANSWER_STATUSES),
  legalBasis: z.array(legalReferenceSchema),
  nextStep: z.string(),
})
export type BlockingPoint = z.infer<typeof blockingPointSchema>

export const findingSchema = z.object({
  kind: z.enum(['obligation', 'theme']),
  themeId: z.string(),
  domainId: z.string(),
  title: z.string(),
  detail: z.string(),
  nextStep: z.string(),
  /** The theme's score, % done. */
  score: z.number(),
  criterionId: z.string().nullable(),
})
export type Finding = z.infer<typeof findingSchema>

export const scoreTreeSchema = z.object({
  referentielVersion: z.string(),
  overall: breakdownSchema,
  domains: z.array(domainScoreSchema),
  /** Applicable obligations not done, whatever the score. */
  blocking: z.array(blockingPointSchema),
  strengths: z.array(findingSchema),
  /** Unmet obligations first, then the weakest themes. */
  weaknesses: z.array(findingSchema),
})
export type ScoreTree = z.infer<typeof scoreTreeSchema>

export const diagnosticViewSchema = z.object({ campaign: campaignSchema, scores: scoreTreeSchema })

/* ─── History ──────────────────────────────────────────────────────────────────────── */

export const snapshotSchema = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  campaignName: z.string(),
  label: z.string(),
  takenAt: z.string(),
  takenBy: z.string(),
  score: z.number(),
})
export type Snapshot = z.infer<typeof snapshotSchema>

export const snapshotTakeInput = z.object({ campaignId: idField, label: requiredText("Le nom de l'instantané", 80) })

/** A campaign (its live scores) or a frozen snapshot. */
export const scoreSourceSchema = z.union([z.object({ campaignId: idField }).strict(), z.object({ snapshotId: idField }).strict()])

export const comparisonRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  domainId: z.string(),
  level: z.enum(['overall', 'domain', 'theme']),
  before: z.number().nullable(),
  after: z.number().nullable(),
  /** after − before, in points of %; null when either side has no score. */
  delta: z.number().nullable(),
})
export const comparisonSchema = z.object({
  before: z.object({ label: z.string(), at: z.string() }),
  after: z.object({ label: z.string(), at: z.string() }),
  rows: z.array(comparisonRowSchema),
})
export type Comparison = z.infer<typeof comparisonSchema>

/* ─── Citizen inputs and peer comparison ───────────────────────────────────────────── */

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
  receivedOn: z.string().regex(/^\d{4}-\d\d-\d\d$/, { error: 'La date doit être au format AAAA-MM-JJ.' }),
})

/** Anonymous scores of communes of the same population band, received through the relay. */
export const peerComparisonSchema = z.object({
  /** False until real data has been received: then nothing is shown. */
  available: z.boolean(),
  band: z.string(),
  communes: z.number().int(),
  domains: z.array(z.object({ domainId: z.string(), median: z.number() })),
})

/* ─── Regulatory calendar ──────────────────────────────────────────────────────────── */

export const calendarEntrySchema = z.object({
  deadlineId: z.string(),
  title: z.string(),
  description: z.string(),
  /** ISO date (YYYY-MM-DD). */
  dueOn: z.string(),
  criterionId: z.string().nullable(),
  legalBasis: z.array(legalReferenceSchema),
})
export type CalendarEntry = z.infer<typeof calendarEntrySchema>

export const calendarInput = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d\d-\d\d$/, { error: 'La date doit être au format AAAA-MM-JJ.' })
    .nullable()
    .default(null),
  months: z.number().int().min(1).max(72).default(12),
})

export { communeProfileSchema }
