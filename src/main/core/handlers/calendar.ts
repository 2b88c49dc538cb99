import { currentMandate } from '../commune/queries'
import { upcomingDeadlines } from '../diagnostic/calendar'
import { communeContext } from '../diagnostic/read'
import type { HandlersOf } from '../handler'
import { todayOf } from '../today'

export const calendarHandlers: HandlersOf<'calendar'> = {
  'calendar.upcoming': ({ from, months }, context) =>
    upcomingDeadlines({
      referentiel: context.referentiel().referentiel,
      context: communeContext(context.db),
      mandate: currentMandate(context.db),
      from: from ?? todayOf(context),
      months,
    }),
}
