import { z } from 'zod'
import { ACTION_STATUSES } from './actions'
import { method, methodsOf } from './define'
import { fileContentSchema, idField, none } from './fields'
import { PROJECT_STATUSES } from './projects'
import { TASK_STATUSES } from './tasks'

/* The mandate's timeline: projects, their actions, dated tasks. */

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

export const icsInput = z.object({ memberId: idField.nullable().default(null) })

export const planningMethods = methodsOf('planning')({
  'planning.get': method({ input: none, output: planningSchema, access: 'profile', reads: ['mandate', 'projects', 'tasks', 'members'] }),
  /** The calendar as an .ics file: everything, or one person's tasks and the legal deadlines. */
  'planning.ics': method({
    input: icsInput,
    output: fileContentSchema,
    access: 'profile',
    reads: ['commune', 'communeProfile', 'mandate', 'members', 'projects', 'tasks'],
  }),
})
