import { z } from 'zod'
import { method, methodsOf } from './define'
import { UNSAFE_CHARACTERS } from '../relay/api'
import { INPUT_KINDS, INPUT_STATUSES, MODERATION_STATES, TOPICS } from '../relay/vocabulary'
import { byIdInput, isoDateField, none, okSchema, themeIdField } from './fields'
import { formatInteger } from '../format'

/* ─── Citoyens: what citizens sent through the relay, pulled into this computer ─── */

export const citizensSyncStatusSchema = z.object({
  /** The commune is connected to a relay (Paramètres › Portail citoyen). */
  connected: z.boolean(),
  /** The last sync that reached the end of the relay's feed (ISO), or null. */
  lastSyncAt: z.string().nullable(),
  /** New contributions that sync brought. */
  lastSyncNew: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  /** Why the last attempt stopped, in French (relay unreachable, page refused…); null when it succeeded. */
  lastError: z.string().nullable(),
  /** What the sync in progress is doing, in words; null when none runs. */
  running: z.string().nullable(),
  /** Contributions not opened yet on the Citoyens page. */
  unseen: z.number().int(),
  /** Contributions without a public answer (hidden ones excepted). */
  unanswered: z.number().int(),
  total: z.number().int(),
})
export type CitizensSyncStatus = z.infer<typeof citizensSyncStatusSchema>

export const citizensSyncReportSchema = z.object({
  received: z.number().int(),
  newContributions: z.number().int(),
  pages: z.number().int(),
  problem: z.string().nullable(),
})
export type CitizensSyncReport = z.infer<typeof citizensSyncReportSchema>

/* ─── The « Citoyens » page: the list, one contribution, its photos ─── */

export const CITIZENS_PAGE_SIZE = 25

const filterText = z.string().trim().max(200, { error: 'La recherche ne doit pas dépasser 200 caractères.' }).default('')

export const citizensListInput = z.object({
  kind: z.enum(INPUT_KINDS).nullable().default(null),
  topic: z.enum(TOPICS).nullable().default(null),
  /** A référentiel theme the mairie linked the contribution to. */
  themeId: themeIdField.nullable().default(null),
  status: z.enum(INPUT_STATUSES).nullable().default(null),
  moderation: z.enum(MODERATION_STATES).nullable().default(null),
  /** Sent by the citizen on or after / on or before this day. */
  from: isoDateField.nullable().default(null),
  to: isoDateField.nullable().default(null),
  /** Words searched in the title, the text, the address and the author's name (accents and case ignored). */
  search: filterText,
  /** Only the ones never opened. */
  unseenOnly: z.boolean().default(false),
  /** Only the ones still without a public answer (hidden ones excepted, as on the home page). */
  unansweredOnly: z.boolean().default(false),
  /** Only the ones the mairie linked to this project. */
  projectId: z.number().int().positive().nullable().default(null),
  page: z.number().int().min(1).max(100_000).default(1),
})
export type CitizensListInput = z.input<typeof citizensListInput>

/** Where the mairie's change (status, answer, moderation) stands on its way to the relay. */
export const CONTRIBUTION_SYNC_STATES = ['en_attente', 'envoye', 'erreur'] as const
export type ContributionSyncState = (typeof CONTRIBUTION_SYNC_STATES)[number]
export const CONTRIBUTION_SYNC_LABELS: Record<ContributionSyncState, string> = {
  en_attente: 'En attente d’envoi',
  envoye: 'Envoyé au portail',
  erreur: 'Erreur d’envoi',
}

export const contributionSyncSchema = z.object({
  state: z.enum(CONTRIBUTION_SYNC_STATES),
  /** Why the last attempt failed, in French. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
})

export const contributionSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(INPUT_KINDS),
  title: z.string().nullable(),
  /** The beginning of the text (plain text: never HTML). */
  excerpt: z.string(),
  topic: z.enum(TOPICS).nullable(),
  address: z.string().nullable(),
  authorDisplayName: z.string().nullable(),
  authorPseudonymousId: z.string().nullable(),
  status: z.enum(INPUT_STATUSES),
  moderation: z.enum(MODERATION_STATES),
  answered: z.boolean(),
  reports: z.number().int(),
  createdAt: z.string(),
  seen: z.boolean(),
  photos: z.number().int(),
  /** The first photo that can be shown, for the thumbnail. */
  firstPhotoId: z.number().int().nullable(),
  /** null when nothing the mairie changed is on its way or was ever sent. */
  sync: contributionSyncSchema.nullable(),
  /** The mairie's own links (never sent to the portal). */
  projectTitle: z.string().nullable(),
  themeId: z.string().nullable(),
  duplicateOfId: z.number().int().nullable(),
})
export type ContributionSummary = z.infer<typeof contributionSummarySchema>

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number().int())

export const citizensListOutput = z.object({
  connected: z.boolean(),
  items: z.array(contributionSummarySchema),
  /** Matching the filters. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Per status and per moderation state, with every filter but that one. */
  statusCounts: countsOf(INPUT_STATUSES),
  moderationCounts: countsOf(MODERATION_STATES),
  /** Everything received, whatever the filters: 0 means the empty state. */
  everything: z.number().int(),
})
export type CitizensList = z.infer<typeof citizensListOutput>

export const contributionPhotoSchema = z.object({
  id: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  /** Why it is not shown, in French; null when it can be. */
  problem: z.string().nullable(),
})

export const contributionDetailSchema = contributionSummarySchema.extend({
  body: z.string(),
  publicAnswer: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  reportsBy: z.object({ spam: z.number().int(), offensant: z.number().int(), hors_sujet: z.number().int() }),
  updatedAt: z.string(),
  receivedAt: z.string(),
  photoList: z.array(contributionPhotoSchema),
  project: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  themeName: z.string().nullable(),
  duplicateOf: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  /** The contributions marked as duplicates of this one. */
  duplicates: z.array(z.object({ id: z.number().int(), title: z.string() })),
})
export type ContributionDetail = z.infer<typeof contributionDetailSchema>

export const citizensSendReportSchema = z.object({ sent: z.number().int(), failed: z.number().int(), problem: z.string().nullable() })

export const contributionPhotoContentSchema = z.object({ mimeType: z.string(), contentBase64: z.string() })

/* ─── The mairie's decisions on one contribution ─── */

/** As long as the relay accepts (inputUpdateInput): the citizen reads it in « Mes contributions ». */
export const PUBLIC_ANSWER_MAX = 4000

const publicAnswerField = z
  .string({ error: 'La réponse publique doit être un texte.' })
  .transform((value) => value.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .max(PUBLIC_ANSWER_MAX, { error: `La réponse publique ne doit pas dépasser ${formatInteger(PUBLIC_ANSWER_MAX)} caractères.` })
      .refine((value) => !UNSAFE_CHARACTERS.test(value), {
        error: 'La réponse publique contient des caractères invisibles non autorisés : retapez-la ou collez-la sans mise en forme.',
      }),
  )

export const citizensUpdateInput = z
  .object({
    id: z.number().int().positive(),
    status: z.enum(INPUT_STATUSES).optional(),
    /** An empty answer removes it. */
    publicAnswer: publicAnswerField.optional(),
    /** Publish on the portal or hide it. */
    moderation: z.enum(['publiee', 'masquee']).optional(),
  })
  .refine((input) => input.status !== undefined || input.publicAnswer !== undefined || input.moderation !== undefined, {
    error: 'Rien à modifier : choisissez un statut, une réponse ou une décision de publication.',
  })

/* ─── The mairie's own organisation: kept here, never sent to the relay ─── */

const linkId = (what: string) =>
  z
    .number({ error: `${what} n’est pas valable : rechargez la page.` })
    .int()
    .positive({ error: `${what} n’est pas valable : rechargez la page.` })

/** A field left out is kept; null removes the link. */
export const citizensLinkInput = z
  .object({
    id: z.number().int().positive(),
    projectId: linkId('Le projet choisi').nullable().optional(),
    themeId: themeIdField.nullable().optional(),
    /** The original this one repeats. */
    duplicateOfId: linkId('La contribution d’origine').nullable().optional(),
  })
  .refine((input) => input.projectId !== undefined || input.themeId !== undefined || input.duplicateOfId !== undefined, {
    error: 'Rien à modifier : choisissez un projet, un thème ou la contribution d’origine.',
  })

export const citizensDuplicateCandidatesInput = z.object({ id: z.number().int().positive(), search: filterText })
export const duplicateCandidatesOutput = z.object({
  items: z.array(z.object({ id: z.number().int(), title: z.string(), excerpt: z.string(), kind: z.enum(INPUT_KINDS), createdAt: z.string() })),
})

export const citizensTransformOutput = z.object({ projectId: z.number().int(), contribution: contributionDetailSchema })

export const citizensMethods = methodsOf('citizens')({
  'citizens.syncStatus': method({ input: none, output: citizensSyncStatusSchema, access: 'profile', reads: ['citizens', 'portal'] }),
  /** « Synchroniser maintenant »: waits for the sync (or the one in progress) and says what it brought. */
  'citizens.syncNow': method({ input: none, output: citizensSyncReportSchema, access: 'profile', changes: ['citizens'] }),
  'citizens.list': method({ input: citizensListInput, output: citizensListOutput, access: 'profile', reads: ['citizens', 'portal'] }),
  'citizens.get': method({ input: byIdInput, output: contributionDetailSchema, access: 'profile', reads: ['citizens', 'projects', 'themes'] }),
  /** Opened on the Citoyens page: it no longer counts as new. */
  'citizens.markSeen': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['citizens'] }),
  /** A photo's bytes, checked again before they are shown. */
  'citizens.photo': method({ input: byIdInput, output: contributionPhotoContentSchema, access: 'profile', reads: ['citizens'] }),
  /** Status, public answer, publish or hide: saved here at once, then sent to the relay (retried while it is down). */
  'citizens.update': method({ input: citizensUpdateInput, output: contributionDetailSchema, access: 'profile', changes: ['citizens'] }),
  /** Links to a project or a référentiel theme, marks as a duplicate: the mairie's own, not sent to the portal. */
  'citizens.link': method({ input: citizensLinkInput, output: contributionDetailSchema, access: 'profile', changes: ['citizens'] }),
  /** The contributions this one may repeat (not itself, not a duplicate), searched by title and text. */
  'citizens.duplicateCandidates': method({
    input: citizensDuplicateCandidatesInput,
    output: duplicateCandidatesOutput,
    access: 'profile',
    reads: ['citizens'],
  }),
  /** « Transformer en projet »: a new project prefilled from a proposal, both linked. */
  'citizens.transform': method({
    input: byIdInput,
    output: citizensTransformOutput,
    access: 'profile',
    changes: ['citizens', 'projects'],
  }),
  /** Sends now what waits for the relay, the refused ones included (« Renvoyer »). */
  'citizens.sendNow': method({ input: none, output: citizensSendReportSchema, access: 'profile', changes: ['citizens', 'portal'] }),
})
