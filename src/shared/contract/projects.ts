import { z } from 'zod'
import { idField, optionalText, requiredText } from './fields'

/* Money is carried in euro cents (integers) end to end: totals in council reports must be exact. */

const ISO_DATE = /^\d{4}-\d\d-\d\d$/
export const isoDateField = z.string().regex(ISO_DATE, { error: 'La date doit être au format AAAA-MM-JJ.' })
const optionalDate = isoDateField.nullable().default(null)
const centsField = (label: string) =>
  z
    .number({ error: `${label} doit être un montant.` })
    .int({ error: `${label} doit être un montant en centimes.` })
    .min(0, { error: `${label} ne peut pas être négatif.` })
    .max(100_000_000_000, { error: `${label} semble trop élevé.` })

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

export const TASK_STATUSES = ['a_faire', 'en_cours', 'bloquee', 'faite'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { a_faire: 'À faire', en_cours: 'En cours', bloquee: 'Bloquée', faite: 'Faite' }

export const FUNDERS = ['detr', 'dsil', 'region', 'departement', 'europe', 'autre'] as const
export const FUNDER_LABELS: Record<(typeof FUNDERS)[number], string> = {
  detr: 'DETR',
  dsil: 'DSIL',
  region: 'Région',
  departement: 'Département',
  europe: 'Europe',
  autre: 'Autre',
}
export const FUNDING_STATUSES = ['envisagee', 'demandee', 'accordee', 'refusee', 'versee'] as const
export const FUNDING_STATUS_LABELS: Record<(typeof FUNDING_STATUSES)[number], string> = {
  envisagee: 'Envisagée',
  demandee: 'Demandée',
  accordee: 'Accordée',
  refusee: 'Refusée',
  versee: 'Versée',
}

type FundingAmounts = { status: (typeof FUNDING_STATUSES)[number]; requestedCents: number; obtainedCents: number | null }

/**
 * What a grant brings: granted or paid, the amount obtained (the amount requested until it is known); otherwise
 * nothing. The dashboard and the exports sum the same rule in SQL.
 */
export function fundingObtainedCents(funding: FundingAmounts): number {
  return funding.status === 'accordee' || funding.status === 'versee' ? (funding.obtainedCents ?? funding.requestedCents) : 0
}

/** Requested: every request actually sent (all but « envisagée »); obtained: as `fundingObtainedCents`. */
export function fundingTotals(fundings: FundingAmounts[]): { requestedCents: number; obtainedCents: number } {
  return {
    requestedCents: fundings.filter((f) => f.status !== 'envisagee').reduce((sum, f) => sum + f.requestedCents, 0),
    obtainedCents: fundings.reduce((sum, f) => sum + fundingObtainedCents(f), 0),
  }
}

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
    startOn: optionalDate,
    endOn: optionalDate,
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

export const participantSchema = z.object({
  id: z.number().int(),
  /** An élu or agent of the team, or null for an outside participant (citizen, partner…). */
  memberId: z.number().int().nullable(),
  name: z.string(),
  role: z.string(),
})
export const participantAddInput = z
  .object({
    projectId: idField,
    memberId: idField.nullable().default(null),
    name: optionalText('Le nom', 120),
    role: optionalText('Le rôle', 120),
  })
  .refine((p) => p.memberId !== null || p.name.trim() !== '', {
    error: 'Choisissez une personne de l’équipe ou indiquez le nom du participant.',
    path: ['name'],
  })

export const ACTION_STATUSES = ['a_faire', 'en_cours', 'fait'] as const
export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = { a_faire: 'À faire', en_cours: 'En cours', fait: 'Fait' }
export const actionSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  title: z.string(),
  description: z.string(),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
})
export type ProjectAction = z.infer<typeof actionSchema>
export const actionInputSchema = z.object({
  projectId: idField,
  title: requiredText("Le titre de l'action", 200),
  description: optionalText('La description', 5000),
  startOn: optionalDate,
  dueOn: optionalDate,
  status: z.enum(ACTION_STATUSES).default('a_faire'),
})
export const actionUpdateInput = actionInputSchema.omit({ projectId: true }).extend({ id: idField })

export const checklistItemSchema = z.object({
  label: z.string().trim().min(1, { error: 'Un élément de la liste est vide.' }).max(300),
  done: z.boolean(),
})

export const taskSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectTitle: z.string(),
  actionId: z.number().int().nullable(),
  title: z.string(),
  description: z.string(),
  assigneeMemberId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  checklist: z.array(checklistItemSchema),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  overdue: z.boolean(),
})
export type Task = z.infer<typeof taskSchema>
export const taskInputSchema = z.object({
  projectId: idField,
  actionId: idField.nullable().default(null),
  title: requiredText('Le titre de la tâche', 200),
  description: optionalText('La description', 5000),
  assigneeMemberId: idField.nullable().default(null),
  dueOn: optionalDate,
  status: z.enum(TASK_STATUSES, { error: "Ce statut de tâche n'existe pas." }).default('a_faire'),
  checklist: z.array(checklistItemSchema).max(100).default([]),
})
export const taskUpdateInput = taskInputSchema.omit({ projectId: true }).extend({ id: idField })

export const commentSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  taskId: z.number().int().nullable(),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
})
export const commentAddInput = z.object({ projectId: idField, taskId: idField.nullable().default(null), body: requiredText('Le commentaire', 5000) })

export const attachmentSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  taskId: z.number().int().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
  addedBy: z.string(),
})
export const attachmentAddInput = z.object({
  projectId: idField,
  taskId: idField.nullable().default(null),
  fileName: requiredText('Le nom du fichier', 200),
  contentBase64: z
    .string()
    .min(1, { error: 'Le fichier est vide.' })
    .max(28_000_000, { error: 'Le fichier dépasse 20 Mo : joignez un fichier plus léger.' }),
})

export const fundingSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  funder: z.enum(FUNDERS),
  label: z.string(),
  requestedCents: z.number().int(),
  obtainedCents: z.number().int().nullable(),
  status: z.enum(FUNDING_STATUSES),
  requestedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
})
export const fundingInputSchema = z.object({
  projectId: idField,
  funder: z.enum(FUNDERS, { error: "Ce financeur n'existe pas." }),
  label: optionalText('Le libellé', 200),
  requestedCents: centsField('Le montant demandé'),
  obtainedCents: centsField('Le montant obtenu').nullable().default(null),
  status: z.enum(FUNDING_STATUSES).default('envisagee'),
  requestedOn: optionalDate,
  decidedOn: optionalDate,
})
export const fundingUpdateInput = fundingInputSchema.omit({ projectId: true }).extend({ id: idField })

export const measurementSchema = z.object({ id: z.number().int(), measuredOn: z.string(), value: z.number() })
export const indicatorSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  label: z.string(),
  unit: z.string(),
  targetValue: z.number().nullable(),
  /** True when a lower value is better (consumption, costs…). */
  lowerIsBetter: z.boolean(),
  measurements: z.array(measurementSchema),
})
export type Indicator = z.infer<typeof indicatorSchema>
export const indicatorInputSchema = z.object({
  projectId: idField,
  label: requiredText("Le nom de l'indicateur", 200),
  unit: optionalText("L'unité", 40),
  targetValue: z.number({ error: 'La cible doit être un nombre.' }).finite().nullable().default(null),
  lowerIsBetter: z.boolean().default(false),
})
export const indicatorUpdateInput = indicatorInputSchema.omit({ projectId: true }).extend({ id: idField })
export const measurementAddInput = z.object({
  indicatorId: idField,
  measuredOn: isoDateField,
  value: z.number({ error: 'La mesure doit être un nombre.' }).finite({ error: 'La mesure doit être un nombre.' }),
})

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

/* ─── My tasks, planning ───────────────────────────────────────────────────────────── */

/** « Mes tâches » shows this many tasks at first, and as many more on each « Afficher plus ». */
export const MEMBER_TASKS_PAGE = 50
export const MEMBER_TASKS_MAX = 5000
export const tasksForMemberInput = z.object({
  /** null: the signed-in profile's own person. */
  memberId: idField.nullable().default(null),
  includeDone: z.boolean().default(false),
  /** The first `limit` tasks in the order of the page: overdue, then by due date (none last), then project title. */
  limit: z
    .number({ error: 'Le nombre de tâches à afficher doit être un nombre entier.' })
    .int({ error: 'Le nombre de tâches à afficher doit être un nombre entier.' })
    .min(1, { error: 'Le nombre de tâches à afficher doit être au moins 1.' })
    .max(MEMBER_TASKS_MAX, { error: `Le nombre de tâches à afficher ne peut pas dépasser ${MEMBER_TASKS_MAX}.` })
    .default(MEMBER_TASKS_PAGE),
})
/** The most urgent tasks of one person, and how many there are in all and in each group of the page. */
export const memberTasksSchema = z.object({
  items: z.array(taskSchema),
  /** Every task of the person (open ones, or all with `includeDone`), whatever the limit. */
  total: z.number().int(),
  counts: z.object({
    /** Not done, due before today. */
    overdue: z.number().int(),
    /** With a due date, not overdue (done ones included with `includeDone`). */
    upcoming: z.number().int(),
    /** Without a due date. */
    undated: z.number().int(),
  }),
})
export type MemberTasks = z.infer<typeof memberTasksSchema>

export const planningSchema = z.object({
  mandate: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
  projects: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      status: z.enum(PROJECT_STATUSES),
      startOn: z.string().nullable(),
      endOn: z.string().nullable(),
      actions: z.array(
        z.object({
          id: z.number().int(),
          title: z.string(),
          startOn: z.string().nullable(),
          dueOn: z.string().nullable(),
          status: z.enum(ACTION_STATUSES),
        }),
      ),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.number().int(),
      projectId: z.number().int(),
      title: z.string(),
      dueOn: z.string(),
      status: z.enum(TASK_STATUSES),
      assigneeName: z.string().nullable(),
    }),
  ),
})

/* ─── Audit trail ──────────────────────────────────────────────────────────────────── */

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  profileName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** A readable name of the record (project title, person…), when it can be found. */
  label: z.string().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>
export const auditListInput = z.object({
  entity: z.string().max(40).nullable().default(null),
  /** Everything about one project: the project and its actions, tasks, comments, fundings, indicators… */
  projectId: idField.nullable().default(null),
  profileName: z.string().max(80).nullable().default(null),
  from: isoDateField.nullable().default(null),
  to: isoDateField.nullable().default(null),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
})
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), total: z.number().int() })

/* ─── Search ───────────────────────────────────────────────────────────────────────── */

export const SEARCH_KINDS = ['project', 'task', 'comment', 'theme', 'criterion', 'person'] as const
export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  /** A short excerpt around the words found. */
  excerpt: z.string(),
  /** Where the hit leads in the app. */
  path: z.string(),
})
export const searchInput = z.object({
  query: z.string().max(200, { error: 'La recherche ne doit pas dépasser 200 caractères.' }),
  limit: z.number().int().min(1).max(50).default(8),
})
export const searchResultSchema = z.object({ groups: z.array(z.object({ kind: z.enum(SEARCH_KINDS), hits: z.array(searchHitSchema) })) })

/* ─── Dashboard ────────────────────────────────────────────────────────────────────── */

export type IndicatorTrend = 'better' | 'worse' | 'stable' | 'unknown'
export const TREND_LABELS: Record<IndicatorTrend, string> = {
  better: 'en amélioration',
  worse: 'en dégradation',
  stable: 'stable',
  unknown: 'à suivre',
}

export const dashboardSchema = z.object({
  counts: z.object({ inProgress: z.number().int(), upcoming: z.number().int(), finished: z.number().int(), total: z.number().int() }),
  inProgress: z.array(projectSummarySchema),
  upcoming: z.array(projectSummarySchema),
  finished: z.array(projectSummarySchema),
  overdueTasks: z.array(taskSchema),
  overdueCount: z.number().int(),
  budget: z.object({
    plannedCents: z.number().int(),
    committedCents: z.number().int(),
    spentCents: z.number().int(),
    byDomain: z.array(
      z.object({
        domainId: z.string().nullable(),
        title: z.string(),
        plannedCents: z.number().int(),
        committedCents: z.number().int(),
        spentCents: z.number().int(),
      }),
    ),
  }),
  fundings: z.object({ requestedCents: z.number().int(), obtainedCents: z.number().int() }),
  indicators: z.array(
    indicatorSchema.extend({
      projectTitle: z.string(),
      latest: z.number().nullable(),
      previous: z.number().nullable(),
      trend: z.enum(['better', 'worse', 'stable', 'unknown']),
    }),
  ),
  diagnostic: z
    .object({
      campaignId: z.number().int(),
      campaignName: z.string(),
      score: z.number(),
      blocking: z.number().int(),
      history: z.array(z.object({ label: z.string(), at: z.string(), score: z.number() })),
    })
    .nullable(),
})
export type Dashboard = z.infer<typeof dashboardSchema>

/* ─── Exports ──────────────────────────────────────────────────────────────────────── */

export const exportInput = z.object({ format: z.enum(['xlsx', 'csv'], { error: 'Le format doit être XLSX ou CSV.' }) })
export const exportFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() })
export const icsInput = z.object({ memberId: idField.nullable().default(null) })
