/**
 * The relay's HTTP API (version 1), as zod schemas: the relay validates every request with them and the desktop
 * validates every answer with them. The OpenAPI document served at /api/v1/openapi.json is generated from this table.
 *
 * Conventions: JSON bodies; the desktop authenticates with `Authorization: Bearer <token>` (from `pairing.claim`);
 * an error is `{ code, message }` with a French message and an HTTP status ≥ 400; dates are ISO 8601 strings.
 */
import { z } from 'zod'
import { PROJECT_STATUSES } from '../contract/projects'
import { POPULATION_BAND_KEYS } from './bands'
import {
  INPUT_KINDS,
  INPUT_STATUSES,
  MODERATION_STATES,
  POLL_KINDS,
  QUESTION_KINDS,
  RESULTS_VISIBILITY,
  TOPICS,
  VERIFICATION_LEVELS,
} from './vocabulary'

export const RELAY_API_VERSION = 1
export const RELAY_API_PREFIX = '/api/v1'

/* ─── Fields ─────────────────────────────────────────────────────────────────────────── */

/** Text from anywhere: trimmed, no NUL and no bidirectional overrides (they disguise text), a length limit. */
export function textField(label: string, max: number, { min = 1 }: { min?: number } = {}) {
  return z
    .string({ error: `${label} doit être un texte.` })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(min, { error: min <= 1 ? `${label} est obligatoire.` : `${label} doit faire au moins ${min} caractères.` })
        .max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` })
        .refine((value) => !UNSAFE_CHARACTERS.test(value), { error: `${label} contient des caractères non autorisés.` }),
    )
}
export function optionalTextField(label: string, max: number) {
  return z
    .union([z.null(), textField(label, max, { min: 0 })])
    .optional()
    .transform((value) => (value ? value : null))
}
/** NUL, other C0 controls except tab/line feed/carriage return, and the Unicode bidirectional controls. */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/

const externalId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'L’identifiant doit contenir de 1 à 64 lettres, chiffres, tirets ou soulignés.' })
const isoDateTime = (label: string) => z.iso.datetime({ offset: true, error: `${label} doit être une date et heure ISO 8601.` })
const isoDate = (label: string) => z.iso.date({ error: `${label} doit être une date au format AAAA-MM-JJ.` })
const communeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, { error: 'Le code INSEE doit avoir 5 caractères (ex. 10145).' })

export const errorSchema = z.object({ code: z.string(), message: z.string() })
export type RelayError = z.infer<typeof errorSchema>

/* ─── Health and pairing ─────────────────────────────────────────────────────────────── */

export const healthSchema = z.object({
  status: z.literal('ok'),
  apiVersion: z.literal(RELAY_API_VERSION),
  driver: z.enum(['pglite', 'postgres']),
})

export const pairingClaimInput = z.object({
  code: z.string({ error: 'Le code d’appairage est obligatoire.' }).trim().min(1, { error: 'Le code d’appairage est obligatoire.' }).max(64),
})
export const pairingClaimOutput = z.object({
  token: z.string(),
  commune: z.object({ code: communeCode, name: z.string(), portalUrl: z.string() }),
  apiVersion: z.literal(RELAY_API_VERSION),
})

export const communeInfoSchema = z.object({
  code: communeCode,
  name: z.string(),
  portalUrl: z.string(),
  population: z.number().int().nullable(),
  apiVersion: z.literal(RELAY_API_VERSION),
})

/* ─── Publishing ─────────────────────────────────────────────────────────────────────── */

export const projectInput = z.object({
  title: textField('Le titre', 200),
  summary: optionalTextField('Le résumé', 4000),
  status: z.enum(PROJECT_STATUSES, { error: 'Le statut du projet est inconnu.' }),
  /** 0–100. */
  progress: z.number().int().min(0).max(100).nullable().default(null),
  startDate: isoDate('La date de début').nullable().default(null),
  endDate: isoDate('La date de fin').nullable().default(null),
  /** The theme as the mairie names it (shown as is). */
  theme: optionalTextField('Le thème', 120),
  topic: z.enum(TOPICS).nullable().default(null),
  /** Euro cents; only when the mairie chose to show it. */
  budgetCents: z.number().int().min(0).max(100_000_000_000).nullable().default(null),
})
export type ProjectInput = z.input<typeof projectInput>

export const newsInput = z
  .object({
    title: textField('Le titre', 200),
    body: textField('Le texte', 8000),
    topic: z.enum(TOPICS, { error: 'Le thème est inconnu.' }),
    publishedOn: isoDate('La date'),
    /** An alert is mailed at once to subscribers and shown on top of the page until `alertUntil`. */
    isAlert: z.boolean().default(false),
    alertUntil: isoDateTime('La fin de l’alerte').nullable().default(null),
  })
  .refine((n) => !n.isAlert || n.alertUntil !== null, { error: 'Une alerte doit avoir une date de fin.', path: ['alertUntil'] })
export type NewsInput = z.input<typeof newsInput>

const optionInput = z.object({ id: externalId, label: textField('Le libellé du choix', 300) })
export const questionInput = z
  .object({
    id: externalId,
    kind: z.enum(QUESTION_KINDS, { error: 'Le type de question est inconnu.' }),
    label: textField('La question', 500),
    required: z.boolean().default(true),
    options: z.array(optionInput).max(30, { error: 'Une question a au plus 30 choix.' }).default([]),
  })
  .refine((q) => q.kind === 'texte_court' || q.options.length >= 2, { error: 'Une question à choix doit proposer au moins deux choix.' })
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, { error: 'Deux choix ont le même identifiant.' })

export const pollInput = z
  .object({
    kind: z.enum(POLL_KINDS),
    title: textField('Le titre', 200),
    description: optionalTextField('La présentation', 4000),
    /** For a vote: the project whose options are voted on. */
    projectExternalId: externalId.nullable().default(null),
    opensAt: isoDateTime('L’ouverture'),
    closesAt: isoDateTime('La clôture'),
    verification: z.enum(VERIFICATION_LEVELS),
    results: z.enum(RESULTS_VISIBILITY).default('a_la_cloture'),
    questions: z.array(questionInput).min(1, { error: 'Il faut au moins une question.' }).max(20, { error: 'Au plus 20 questions.' }),
  })
  .refine((p) => Date.parse(p.closesAt) > Date.parse(p.opensAt), { error: 'La clôture doit suivre l’ouverture.', path: ['closesAt'] })
  .refine((p) => p.kind !== 'vote' || (p.questions.length === 1 && p.questions[0]!.kind === 'choix_unique'), {
    error: 'Un vote porte sur une seule question à choix unique (les options du projet).',
    path: ['questions'],
  })
  .refine((p) => new Set(p.questions.map((q) => q.id)).size === p.questions.length, { error: 'Deux questions ont le même identifiant.' })
export type PollInput = z.input<typeof pollInput>

export const publishedSchema = z.object({ externalId: z.string(), updatedAt: z.string() })
export const removedSchema = z.object({ removed: z.boolean() })

/* ─── Pulling citizen inputs ─────────────────────────────────────────────────────────── */

export const PULL_PAGE_MAX = 1000
export const pullQuery = z.object({
  /** The last `seq` stored by the desktop (0 at first). */
  after: z.coerce.number({ error: 'Le curseur doit être un nombre.' }).int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PULL_PAGE_MAX).default(500),
})

/** A citizen as the desktop sees them: a pseudonymous id and a display name, never an e-mail address. */
export const authorSchema = z.object({ pseudonymousId: z.string(), displayName: z.string() }).nullable()
export const photoRefSchema = z.object({ id: z.number().int(), width: z.number().int(), height: z.number().int(), bytes: z.number().int() })

export const pulledInputSchema = z.object({
  type: z.literal('contribution'),
  seq: z.number().int(),
  id: z.number().int(),
  kind: z.enum(INPUT_KINDS),
  author: authorSchema,
  title: z.string().nullable(),
  body: z.string(),
  topic: z.enum(TOPICS).nullable(),
  projectExternalId: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  photos: z.array(photoRefSchema),
  status: z.enum(INPUT_STATUSES),
  publicAnswer: z.string().nullable(),
  moderation: z.enum(MODERATION_STATES),
  reports: z.object({ spam: z.number().int(), offensant: z.number().int(), hors_sujet: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export const pulledRemovalSchema = z.object({ type: z.literal('contribution_removed'), seq: z.number().int(), id: z.number().int() })
export const answerValueSchema = z.object({ questionId: z.string(), optionIds: z.array(z.string()), text: z.string().nullable() })
export const pulledAnswerSchema = z.object({
  type: z.literal('poll_answer'),
  seq: z.number().int(),
  id: z.number().int(),
  pollExternalId: z.string(),
  author: authorSchema,
  answers: z.array(answerValueSchema),
  answeredAt: z.string(),
})
export const pulledItemSchema = z.discriminatedUnion('type', [pulledInputSchema, pulledRemovalSchema, pulledAnswerSchema])
export type PulledItem = z.infer<typeof pulledItemSchema>

export const pullOutput = z.object({
  /** The commune the items belong to: the desktop refuses a page of another commune. */
  commune: communeCode,
  items: z.array(pulledItemSchema),
  /** Pass it as `after` next time; equal to `after` when nothing is new. */
  nextCursor: z.number().int(),
  hasMore: z.boolean(),
})

export const inputUpdateInput = z
  .object({
    status: z.enum(INPUT_STATUSES).optional(),
    /** The mairie's public answer; null removes it. */
    publicAnswer: z.union([z.null(), textField('La réponse', 4000)]).optional(),
    moderation: z.enum(['publiee', 'masquee']).optional(),
  })
  .refine((u) => u.status !== undefined || u.publicAnswer !== undefined || u.moderation !== undefined, { error: 'Rien à modifier.' })

/* ─── Poll results ───────────────────────────────────────────────────────────────────── */

export const pollResultsSchema = z.object({
  externalId: z.string(),
  participants: z.number().int(),
  closed: z.boolean(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(QUESTION_KINDS),
      answered: z.number().int(),
      options: z.array(z.object({ id: z.string(), label: z.string(), count: z.number().int() })),
    }),
  ),
})
export type PollResults = z.infer<typeof pollResultsSchema>

/* ─── Resident codes ─────────────────────────────────────────────────────────────────── */

export const residentBatchInput = z.object({
  label: textField('Le nom du lot', 120),
  count: z.number().int().min(1, { error: 'Il faut au moins un code.' }).max(5000, { error: 'Au plus 5 000 codes par lot.' }),
})
export const residentBatchSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  count: z.number().int(),
  used: z.number().int(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
})
export const residentBatchCreated = residentBatchSchema.extend({
  /** Shown once, in clear: the relay keeps only their hashes. */
  codes: z.array(z.string()),
})
export const residentBatchList = z.object({ batches: z.array(residentBatchSchema) })

/* ─── Anonymous comparison ───────────────────────────────────────────────────────────── */

export const benchmarkShareInput = z.object({
  band: z.enum(POPULATION_BAND_KEYS, { error: 'La tranche de population est inconnue.' }),
  scores: z
    .array(z.object({ domainId: z.string().regex(/^[a-z0-9_.-]{1,64}$/), score: z.number().min(0).max(100) }))
    .max(100)
    .refine((s) => new Set(s.map((d) => d.domainId)).size === s.length, { error: 'Un domaine apparaît deux fois.' }),
})
export const benchmarkSchema = z.object({
  band: z.enum(POPULATION_BAND_KEYS).nullable(),
  minimumCommunes: z.number().int(),
  domains: z.array(
    z.object({
      domainId: z.string(),
      communes: z.number().int(),
      /** False while fewer than `minimumCommunes` contribute: then no figure is given. */
      enough: z.boolean(),
      median: z.number().nullable(),
      q1: z.number().nullable(),
      q3: z.number().nullable(),
    }),
  ),
})
export type Benchmark = z.infer<typeof benchmarkSchema>

/* ─── The endpoint table ─────────────────────────────────────────────────────────────── */

export interface RelayEndpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** OpenAPI style: `{name}` for path parameters. */
  path: string
  summary: string
  /** Bearer token of a paired desktop. */
  auth: boolean
  body?: z.ZodType
  query?: z.ZodType
  response: z.ZodType | 'image'
}

export const relayApi = {
  health: { method: 'get', path: '/api/v1/health', summary: 'État du relais et pilote de base de données', auth: false, response: healthSchema },
  'pairing.claim': {
    method: 'post',
    path: '/api/v1/pairing',
    summary: 'Échange un code d’appairage (usage unique) contre le jeton de la commune',
    auth: false,
    body: pairingClaimInput,
    response: pairingClaimOutput,
  },
  'commune.get': { method: 'get', path: '/api/v1/commune', summary: 'La commune du jeton', auth: true, response: communeInfoSchema },
  'projects.put': {
    method: 'put',
    path: '/api/v1/projects/{externalId}',
    summary: 'Publie ou met à jour un projet',
    auth: true,
    body: projectInput,
    response: publishedSchema,
  },
  'projects.delete': {
    method: 'delete',
    path: '/api/v1/projects/{externalId}',
    summary: 'Retire un projet du portail',
    auth: true,
    response: removedSchema,
  },
  'news.put': {
    method: 'put',
    path: '/api/v1/news/{externalId}',
    summary: 'Publie ou met à jour une actualité ou une alerte',
    auth: true,
    body: newsInput,
    response: publishedSchema,
  },
  'news.delete': { method: 'delete', path: '/api/v1/news/{externalId}', summary: 'Retire une actualité', auth: true, response: removedSchema },
  'polls.put': {
    method: 'put',
    path: '/api/v1/polls/{externalId}',
    summary: 'Publie ou met à jour un sondage ou un vote',
    auth: true,
    body: pollInput,
    response: publishedSchema,
  },
  'polls.delete': {
    method: 'delete',
    path: '/api/v1/polls/{externalId}',
    summary: 'Retire un sondage ou un vote',
    auth: true,
    response: removedSchema,
  },
  'polls.results': {
    method: 'get',
    path: '/api/v1/polls/{externalId}/results',
    summary: 'Résultats d’un sondage ou d’un vote (toujours visibles par la mairie)',
    auth: true,
    response: pollResultsSchema,
  },
  'inputs.pull': {
    method: 'get',
    path: '/api/v1/inputs',
    summary: 'Contributions et réponses depuis un curseur, par pages',
    auth: true,
    query: pullQuery,
    response: pullOutput,
  },
  'inputs.update': {
    method: 'patch',
    path: '/api/v1/inputs/{id}',
    summary: 'Statut, réponse publique ou modération d’une contribution',
    auth: true,
    body: inputUpdateInput,
    response: pulledInputSchema,
  },
  'photos.get': {
    method: 'get',
    path: '/api/v1/photos/{id}',
    summary: 'Une photo (JPEG ré-encodé, sans métadonnées)',
    auth: true,
    response: 'image',
  },
  'residentCodes.list': {
    method: 'get',
    path: '/api/v1/resident-code-batches',
    summary: 'Les lots de codes habitant',
    auth: true,
    response: residentBatchList,
  },
  'residentCodes.create': {
    method: 'post',
    path: '/api/v1/resident-code-batches',
    summary: 'Crée un lot de codes habitant à usage unique',
    auth: true,
    body: residentBatchInput,
    response: residentBatchCreated,
  },
  'residentCodes.revoke': {
    method: 'delete',
    path: '/api/v1/resident-code-batches/{id}',
    summary: 'Révoque les codes non utilisés d’un lot',
    auth: true,
    response: residentBatchSchema,
  },
  'benchmark.share': {
    method: 'put',
    path: '/api/v1/benchmark',
    summary: 'Partage anonymement les scores par domaine et la tranche de population',
    auth: true,
    body: benchmarkShareInput,
    response: benchmarkSchema,
  },
  'benchmark.get': {
    method: 'get',
    path: '/api/v1/benchmark',
    summary: 'Médiane et quartiles de la tranche, par domaine',
    auth: true,
    response: benchmarkSchema,
  },
  'benchmark.withdraw': { method: 'delete', path: '/api/v1/benchmark', summary: 'Retire les scores partagés', auth: true, response: removedSchema },
} as const satisfies Record<string, RelayEndpoint>

export type RelayEndpointName = keyof typeof relayApi
