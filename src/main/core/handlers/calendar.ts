import { AuditTrail } from '../audit'
import { budgetSessionList, readBudgetSessions, writeBudgetSessions } from '../calendar/budget-sessions'
import { currentMandate } from '../commune/queries'
import { upcomingDeadlines } from '../diagnostic/calendar'
import { addMonths } from '../days'
import { communeContext } from '../diagnostic/read'
import type { HandlerContext, HandlersOf } from '../handler'
import { todayOf } from '../today'
import { firstYearCalendarEntry, readTrainingSettings } from '../training/queries'

/** The référentiel's theme whose deadlines the Formation page follows, and its délibération criterion. */
const TRAINING_THEME = 'formation-elus'
const TRAINING_DELIBERATION = 'formation-deliberation'

/** The planned budget sessions from this year on, each with its legal deadline. */
function plannedSessions(context: HandlerContext) {
  const mandate = currentMandate(context.db)
  const renewalYears = mandate ? [mandate.startYear, mandate.endYear] : []
  return budgetSessionList(readBudgetSessions(context.db), renewalYears, Number(todayOf(context).slice(0, 4)))
}

export const calendarHandlers: HandlersOf<'calendar'> = {
  'calendar.upcoming': ({ from, months }, context) => {
    const start = from ?? todayOf(context)
    const entries = upcomingDeadlines({
      referentiel: context.referentiel().referentiel,
      context: communeContext(context.db),
      mandate: currentMandate(context.db),
      budgetSessions: readBudgetSessions(context.db),
      from: start,
      months,
    })
    // The end of the first year while élus with a délégation are not trained (CGCT L2123-12), and the délibération
    // on their training marked done once its date is recorded on the Formation page.
    const firstYear = firstYearCalendarEntry(context)
    if (firstYear && firstYear.dueOn >= start && firstYear.dueOn < addMonths(start, months)) entries.push(firstYear)
    const deliberationOn = readTrainingSettings(context.db).deliberationOn
    const criteria = context.referentiel().criteria
    const followed = (criterionId: string | null) => criterionId !== null && criteria.get(criterionId)?.theme.id === TRAINING_THEME
    return entries
      .map((entry) =>
        followed(entry.criterionId)
          ? { ...entry, link: '/formation', ...(entry.criterionId === TRAINING_DELIBERATION && deliberationOn ? { doneOn: deliberationOn } : {}) }
          : entry,
      )
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'fr'))
  },

  'calendar.budgetSessions': (_input, context) => plannedSessions(context),

  'calendar.setBudgetSession': ({ year, plannedOn }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const sessions = readBudgetSessions(tx)
      const before = sessions[String(year)] ?? null
      if (before === plannedOn) return
      const next = { ...sessions }
      if (plannedOn === null) delete next[String(year)]
      else next[String(year)] = plannedOn
      writeBudgetSessions(tx, next)
      const trail = new AuditTrail(tx, context.actor, at)
      if (before === null) trail.created('budgetSession', year, { year, plannedOn })
      else if (plannedOn === null) trail.deleted('budgetSession', year, { year, plannedOn: before })
      else trail.updated('budgetSession', year, { year, plannedOn: before }, { year, plannedOn })
    })
    return plannedSessions(context)
  },
}
