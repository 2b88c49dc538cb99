import { z } from 'zod'
import { actionSchema } from './actions'
import { attachmentSchema } from './attachments'
import { commentSchema } from './comments'
import { method, methodsOf } from './define'
import { byIdInput, centsField, idField, okSchema, optionalDateField, optionalText, requiredText } from './fields'
import { fundingSchema } from './fundings'
import { indicatorSchema } from './indicators'
import { participantSchema } from './participants'
import { taskSchema } from './tasks'

export const PROJECT_STATUSES = ['idee', 'etude', 'programme', 'en_cours', 'pause', 'termine', 'abandonne'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  idee: 'Idée',
  etude: 'À l’étude',
  programme: 'Programmé',
  en_cours: 'En cours',
  pause: 'En pause',
  termine: 'Terminé',
  abandonne: 'Abandonné',
}

export const PRIORITIES = ['basse', 'normale', 'haute', 'prioritaire'] as const
export type Priority = (typeof PRIORITIES)[number]
export const PRIORITY_LABELS: Record<Priority, string> = { basse: 'Basse', normale: 'Normale', haute: 'Haute', prioritaire: 'Prioritaire' }

/* ─── Projects ─────────────────────────────────────────────────────────────────────── */

export const projectInputSchema = z
  .object({
    title: requiredText('Le titre du projet', 200),
    description: optionalText('La description', 10_000),
    domainId: z.string().max(80).nullable().default(null),
    themeIds: z.array(z.string().max(120)).max(30).default([]),
    /** Diagnostic criteria (often weaknesses) the project answers. */
    criterionIds: z.array(z.string().max(160)).max(60).default([]),
    status: z.enum(PROJECT_STATUSES, { error: "Ce statut de projet n'existe pas." }).default('idee'),
    priority: z.enum(PRIORITIES, { error: "Cette priorité n'existe pas." }).default('normale'),
    referentMemberId: idField.nullable().default(null),
    startOn: optionalDateField,
    endOn: optionalDateField,
    budgetPlannedCents: centsField('Le budget prévu').default(0),
    budgetCommittedCents: centsField('Le montant engagé').default(0),
    budgetSpentCents: centsField('Le montant réalisé').default(0),
  })
  .refine((p) => !p.startOn || !p.endOn || p.endOn >= p.startOn, { error: 'La date de fin doit être après la date de début.', path: ['endOn'] })
export type ProjectInput = z.input<typeof projectInputSchema>

export const projectSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(PROJECT_STATUSES),
  priority: z.enum(PRIORITIES),
  domainId: z.string().nullable(),
  referentMemberId: z.number().int().nullable(),
  referentName: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  budgetPlannedCents: z.number().int(),
  budgetCommittedCents: z.number().int(),
  budgetSpentCents: z.number().int(),
  /** Tasks done / all tasks, 0–100; null without tasks. */
  progress: z.number().nullable(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  updatedAt: z.string(),
})
export type ProjectSummary = z.infer<typeof projectSummarySchema>

export const PROJECT_SORTS = ['updated', 'title', 'priority', 'endOn', 'status'] as const
export const projectListInput = z.object({
  status: z.array(z.enum(PROJECT_STATUSES)).max(PROJECT_STATUSES.length).default([]),
  domainId: z.string().max(80).nullable().default(null),
  referentMemberId: idField.nullable().default(null),
  query: z.string().max(200).default(''),
  sort: z.enum(PROJECT_SORTS).default('updated'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
})
export const projectListSchema = z.object({ items: z.array(projectSummarySchema), total: z.number().int() })

export const projectDetailSchema = projectSummarySchema.extend({
  description: z.string(),
  themeIds: z.array(z.string()),
  criterionIds: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  participants: z.array(participantSchema),
  actions: z.array(actionSchema),
  tasks: z.array(taskSchema),
  comments: z.array(commentSchema),
  attachments: z.array(attachmentSchema),
  fundings: z.array(fundingSchema),
  indicators: z.array(indicatorSchema),
})
export type ProjectDetail = z.infer<typeof projectDetailSchema>

export const projectUpdateInput = projectInputSchema.and(z.object({ id: idField }))

export const projectsMethods = methodsOf('projects')({
  'projects.list': method({ input: projectListInput, output: projectListSchema, access: 'profile', reads: ['projects', 'tasks', 'members'] }),
  'projects.get': method({ input: byIdInput, output: projectDetailSchema, access: 'profile', reads: ['projects', 'tasks', 'members'] }),
  'projects.create': method({ input: projectInputSchema, output: projectDetailSchema, access: 'profile', changes: ['projects'] }),
  'projects.update': method({ input: projectUpdateInput, output: projectDetailSchema, access: 'profile', changes: ['projects'] }),
  /** With everything it holds (actions, tasks, comments, documents, grants, indicators). */
  'projects.remove': method({ input: byIdInput, output: okSchema, access: 'admin', changes: ['projects', 'tasks'] }),
})
