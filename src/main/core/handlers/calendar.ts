import { currentMandate } from '../commune/queries'
import { addMonths, upcomingDeadlines } from '../diagnostic/calendar'
import { communeContext } from '../diagnostic/read'
import type { HandlersOf } from '../handler'
import { todayOf } from '../today'
import { firstYearCalendarEntry, readTrainingSettings } from '../training/queries'

/** The référentiel's theme whose deadlines the Formation page follows, and its délibération criterion. */
const TRAINING_THEME = 'formation-elus'
const TRAINING_DELIBERATION = 'formation-deliberation'

export const calendarHandlers: HandlersOf<'calendar'> = {
  'calendar.upcoming': ({ from, months }, context) => {
    const start = from ?? todayOf(context)
    const entries = upcomingDeadlines({
      referentiel: context.referentiel().referentiel,
      context: communeContext(context.db),
      mandate: currentMandate(context.db),
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
}
