import { z } from 'zod'
import { legalReferenceSchema } from '../referentiel/schema'
import { method, methodsOf } from './define'
import { isoDateField } from './fields'

/* ─── Regulatory calendar ──────────────────────────────────────────────────────────── */

export const calendarEntrySchema = z.object({
  deadlineId: z.string(),
  title: z.string(),
  description: z.string(),
  /** ISO date (YYYY-MM-DD). */
  dueOn: z.string(),
  /** For a period (the débat d'orientation budgétaire): its first day; null for a single day. */
  windowStart: z.string().nullable(),
  /** The period ends on the budget session the commune planned (false: on the budget's legal deadline). */
  fromBudgetSession: z.boolean(),
  criterionId: z.string().nullable(),
  legalBasis: z.array(legalReferenceSchema),
  /** When the commune recorded it as done (the formation délibération); absent otherwise. */
  doneOn: z.string().optional(),
  /** The app's page where it is followed (« /formation »); absent otherwise. */
  link: z.string().optional(),
})
export type CalendarEntry = z.infer<typeof calendarEntrySchema>

export const calendarInput = z.object({
  /** null: today on the mairie's calendar. */
  from: isoDateField.nullable().default(null),
  months: z.number().int().min(1).max(72).default(12),
})

export const calendarMethods = methodsOf('calendar')({
  'calendar.upcoming': method({
    input: calendarInput,
    output: z.array(calendarEntrySchema),
    access: 'profile',
    reads: ['commune', 'communeProfile', 'mandate', 'members', 'campaigns', 'answers', 'training'],
  }),
})
