import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, idField, okSchema, optionalDateField, optionalText, requiredText } from './fields'

export const TASK_STATUSES = ['a_faire', 'en_cours', 'bloquee', 'faite'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { a_faire: 'À faire', en_cours: 'En cours', bloquee: 'Bloquée', faite: 'Faite' }

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
  dueOn: optionalDateField,
  status: z.enum(TASK_STATUSES, { error: "Ce statut de tâche n'existe pas." }).default('a_faire'),
  checklist: z.array(checklistItemSchema).max(100).default([]),
})
export const taskUpdateInput = taskInputSchema.omit({ projectId: true }).extend({ id: idField })

/* ─── « Mes tâches » ───────────────────────────────────────────────────────────────── */

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
    /** Not done, with a due date from today on. */
    upcoming: z.number().int(),
    /** Not done, without a due date. */
    undated: z.number().int(),
    /** Done (« Faites »), a group of their own after the others; counted only with `includeDone`, else 0. */
    done: z.number().int(),
  }),
})
export type MemberTasks = z.infer<typeof memberTasksSchema>

export const tasksMethods = methodsOf('tasks')({
  'tasks.create': method({ input: taskInputSchema, output: taskSchema, access: 'profile', changes: ['projects', 'tasks'] }),
  'tasks.update': method({ input: taskUpdateInput, output: taskSchema, access: 'profile', changes: ['projects', 'tasks'] }),
  'tasks.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['projects', 'tasks'] }),
  /** "Mes tâches": a person's most urgent tasks across projects (overdue first, then by due date), with the counts. */
  'tasks.forMember': method({
    input: tasksForMemberInput,
    output: memberTasksSchema,
    access: 'profile',
    // memberId null: the signed-in profile's own person.
    reads: ['session', 'profiles', 'members', 'projects', 'tasks'],
  }),
})
