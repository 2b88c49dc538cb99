import { z } from 'zod'
import { applicabilitySchema } from './referentiel'
import { legalReferenceSchema } from '../referentiel/schema'
import { ANSWER_STATUSES } from './answers'
import { campaignSchema } from './campaigns'
import { method, methodsOf } from './define'
import { idField } from './fields'

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

const changedCriterionSchema = z.object({
  criterionId: z.string(),
  themeTitle: z.string(),
  question: z.string(),
  before: z.string().optional(),
  /** For a removed or reworded criterion: the campaign had an answer to it. */
  wasAnswered: z.boolean().optional(),
})

/** An open campaign started on an older référentiel: what changed, so that the council knows what to look at again. */
export const contentChangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  checkedOn: z.string(),
  /** The version's own list of changes, in plain French. */
  summary: z.array(z.string()),
  /** False when the old version's manifest is unknown: only the summary can be shown. */
  detailed: z.boolean(),
  added: z.array(changedCriterionSchema),
  removed: z.array(changedCriterionSchema),
  reworded: z.array(changedCriterionSchema),
  ruleChanged: z.array(changedCriterionSchema),
})
export type ContentChange = z.infer<typeof contentChangeSchema>

export const diagnosticViewSchema = z.object({
  campaign: campaignSchema,
  scores: scoreTreeSchema,
  /** False while the commune profile is only the setup wizard's defaults: the screen says so, with a link. */
  profileReviewed: z.boolean(),
  /** Open campaign on an older référentiel version: what changed (null otherwise, and always for a closed one). */
  contentChange: contentChangeSchema.nullable(),
  /**
   * Each criterion's applicability in this campaign, by criterion id: as it is now for an open campaign (rule or the
   * commune's decision), as it was at closing for a closed one. A criterion missing here did not exist then.
   */
  applicability: z.record(z.string(), applicabilitySchema),
})

/* ─── Comparisons ──────────────────────────────────────────────────────────────────── */

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

/* ─── Peer comparison ──────────────────────────────────────────────────────────────── */

/** Anonymous figures of communes of the same population band, as the relay last gave them (never invented). */
export const peerComparisonSchema = z.object({
  /** False until the relay has given at least one figure: then no figure is shown, and the reason is said. */
  available: z.boolean(),
  /** The commune shares its scores (Paramètres › Portail citoyen); nothing comes back otherwise. */
  sharing: z.boolean(),
  band: z.string(),
  /** The fewest communes behind any figure shown (0 when none is). */
  communes: z.number().int(),
  /** How many communes took part in the band's figures at most, when the relay answered (to say how far from the minimum). */
  contributors: z.number().int(),
  /** The relay's minimum of communes per figure. */
  minimumCommunes: z.number().int().nullable(),
  receivedAt: z.string().nullable(),
  domains: z.array(
    z.object({ domainId: z.string(), median: z.number(), q1: z.number().nullable(), q3: z.number().nullable(), communes: z.number().int() }),
  ),
})
export type PeerComparison = z.infer<typeof peerComparisonSchema>

export const diagnosticMethods = methodsOf('diagnostic')({
  'diagnostic.get': method({
    input: z.object({ campaignId: idField }),
    output: diagnosticViewSchema,
    access: 'profile',
    reads: ['campaigns', 'answers', 'commune', 'communeProfile', 'citizenInputs', 'citizens'],
  }),
  'diagnostic.compare': method({
    input: z.object({ before: scoreSourceSchema, after: scoreSourceSchema }),
    output: comparisonSchema,
    access: 'profile',
    reads: ['campaigns', 'answers', 'snapshots', 'commune', 'communeProfile', 'citizenInputs', 'citizens'],
  }),
  /** Medians and quartiles received through the relay, for the commune's population band. */
  'diagnostic.peers': method({
    input: z.object({ campaignId: idField }),
    output: peerComparisonSchema,
    access: 'profile',
    reads: ['commune', 'portal'],
  }),
})
