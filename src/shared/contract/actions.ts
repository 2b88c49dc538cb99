import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, idField, okSchema, optionalDateField, optionalText, requiredText } from './fields'

/* A project's steps (the planning shows them between its start and end). */

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
  startOn: optionalDateField,
  dueOn: optionalDateField,
  status: z.enum(ACTION_STATUSES).default('a_faire'),
})
export const actionUpdateInput = actionInputSchema.omit({ projectId: true }).extend({ id: idField })

export const actionsMethods = methodsOf('actions')({
  'actions.create': method({ input: actionInputSchema, output: actionSchema, access: 'profile', changes: ['projects'] }),
  'actions.update': method({ input: actionUpdateInput, output: actionSchema, access: 'profile', changes: ['projects'] }),
  /** Its tasks stay, no longer tied to an action. */
  'actions.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['projects', 'tasks'] }),
})
