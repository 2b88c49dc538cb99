import { z } from 'zod'
import { method, methodsOf } from './define'
import { idField, none } from './fields'

/* ─── Publishing on the citizen portal: the outbox and the projects shown (Citoyens › Publications, a project's page) ─── */

/**
 * What the outbox sends: a project, a news item, a poll (a vote is a poll of kind `vote`), or the commune's anonymous
 * scores for the comparison with communes of the same size.
 */
export const OUTBOX_KINDS = ['project', 'news', 'poll', 'benchmark'] as const
export type OutboxKind = (typeof OUTBOX_KINDS)[number]
export const OUTBOX_KIND_LABELS: Record<OutboxKind, string> = {
  project: 'Projet',
  news: 'Actualité',
  poll: 'Consultation',
  benchmark: 'Comparaison anonyme',
}
export const OUTBOX_ACTIONS = ['put', 'delete'] as const
export type OutboxAction = (typeof OUTBOX_ACTIONS)[number]
export const OUTBOX_ACTION_LABELS: Record<OutboxAction, string> = { put: 'Publication', delete: 'Retrait' }
/** en_attente: to send (again); publie: the relay has it; erreur: the relay refused it, sent again only on request. */
export const OUTBOX_STATES = ['en_attente', 'publie', 'erreur'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]
export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = { en_attente: 'En attente', publie: 'Publié', erreur: 'Erreur' }

/** Project fields a mairie may choose to show on the portal (the title and the status always are). */
export const PUBLISHABLE_PROJECT_FIELDS = ['summary', 'progress', 'dates', 'theme', 'budget'] as const
export type PublishableProjectField = (typeof PUBLISHABLE_PROJECT_FIELDS)[number]
export const PUBLISHABLE_PROJECT_FIELD_LABELS: Record<PublishableProjectField, string> = {
  summary: 'Le résumé (la description du projet)',
  progress: 'L’avancement (part des tâches faites)',
  dates: 'Les dates de début et de fin',
  theme: 'Le thème du référentiel',
  budget: 'Le budget prévu',
}

export const outboxItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(OUTBOX_KINDS),
  action: z.enum(OUTBOX_ACTIONS),
  externalId: z.string(),
  label: z.string(),
  state: z.enum(OUTBOX_STATES),
  lastError: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
})
export type OutboxItemView = z.infer<typeof outboxItemSchema>

export const outboxListSchema = z.object({
  items: z.array(outboxItemSchema),
  counts: z.object({ en_attente: z.number().int(), publie: z.number().int(), erreur: z.number().int() }),
  connected: z.boolean(),
})

export const projectPublicationSchema = z.object({
  projectId: z.number().int(),
  published: z.boolean(),
  fields: z.array(z.enum(PUBLISHABLE_PROJECT_FIELDS)),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** The last send (or withdrawal) of this project, null when it never went through the outbox. */
  item: outboxItemSchema.nullable(),
  connected: z.boolean(),
  portalUrl: z.string().nullable(),
})
export type ProjectPublication = z.infer<typeof projectPublicationSchema>

export const publishProjectInput = z.object({
  projectId: idField,
  fields: z
    .array(z.enum(PUBLISHABLE_PROJECT_FIELDS, { error: 'Ce champ ne peut pas être publié.' }))
    .max(PUBLISHABLE_PROJECT_FIELDS.length)
    .transform((fields) => PUBLISHABLE_PROJECT_FIELDS.filter((field) => fields.includes(field))),
})

export const sendReportSchema = z.object({ sent: z.number().int(), failed: z.number().int(), problem: z.string().nullable() })

export const publicationsMethods = methodsOf('publications')({
  // A project's write republishes it (the outbox changes with `projects` and `tasks`).
  'publications.list': method({ input: none, output: outboxListSchema, access: 'profile', reads: ['portal', 'projects', 'tasks'] }),
  'publications.project': method({
    input: z.object({ projectId: idField }),
    output: projectPublicationSchema,
    access: 'profile',
    reads: ['portal', 'projects', 'tasks'],
  }),
  'publications.publishProject': method({ input: publishProjectInput, output: projectPublicationSchema, access: 'profile', changes: ['portal'] }),
  'publications.withdrawProject': method({
    input: z.object({ projectId: idField }),
    output: projectPublicationSchema,
    access: 'profile',
    changes: ['portal'],
  }),
  /** « Envoyer maintenant »: sends every item not yet published, the refused ones included. */
  'publications.sendNow': method({ input: none, output: sendReportSchema, access: 'profile', changes: ['portal'] }),
})
