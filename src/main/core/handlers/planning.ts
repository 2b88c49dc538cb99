import { requireMandate } from '../commune/queries'
import { planningIcs } from '../exports/planning-ics'
import type { HandlersOf } from '../handler'
import { planningOf } from '../projects/planning'
import { todayOf } from '../today'

export const planningHandlers: HandlersOf<'planning'> = {
  /** The mandate's years, every project with its actions, and the tasks that have a due date. */
  'planning.get': (_input, context) => {
    const mandate = requireMandate(context.db)
    return planningOf(context.db, { startYear: mandate.startYear, endYear: mandate.endYear }, todayOf(context))
  },

  'planning.ics': ({ memberId }, context) => planningIcs(context, memberId),
}
