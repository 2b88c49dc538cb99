import { z } from 'zod'
import { legalReferenceSchema } from '../referentiel/schema'
import { method, methodsOf } from './define'
import { isoDateField, yearField } from './fields'

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

/** The date the council plans to vote the budget of a year (the débat d'orientation budgétaire comes in the two months before). */
export const budgetSessionSchema = z.object({
  /** The budget's year (exercice): the session may be held in the December before. */
  year: z.number().int(),
  plannedOn: z.string(),
  /** The budget's legal deadline that year (15 April, 30 April in a renewal year — CGCT L1612-2). */
  legalDeadline: z.string(),
})
export type BudgetSession = z.infer<typeof budgetSessionSchema>

export const budgetSessionInput = z
  .object({
    year: yearField,
    /** null removes the planned date: the window is computed from the legal deadline again. */
    plannedOn: isoDateField.nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.plannedOn === null || (v.plannedOn >= `${v.year - 1}-10-01` && v.plannedOn <= `${v.year}-12-31`)) return
    ctx.addIssue({
      code: 'custom',
      path: ['plannedOn'],
      message: `La séance qui vote le budget ${v.year} a lieu entre le 1er octobre ${v.year - 1} et le 31 décembre ${v.year} : vérifiez l’année.`,
    })
  })

export const calendarMethods = methodsOf('calendar')({
  'calendar.upcoming': method({
    input: calendarInput,
    output: z.array(calendarEntrySchema),
    access: 'profile',
    reads: ['commune', 'communeProfile', 'mandate', 'members', 'campaigns', 'answers', 'training'],
  }),
  /** The planned budget sessions the commune entered, from the current year on. */
  'calendar.budgetSessions': method({ input: z.object({}), output: z.array(budgetSessionSchema), access: 'profile', reads: ['mandate'] }),
  'calendar.setBudgetSession': method({ input: budgetSessionInput, output: z.array(budgetSessionSchema), access: 'admin', changes: ['mandate'] }),
})
