import { AppError } from '../../../shared/errors'
import { upcomingDeadlines } from '../diagnostic/calendar'
import { communeContext } from '../diagnostic/read'
import type { Handlers } from '../dispatcher'
import { currentMandate } from './commune'

/** Today on the computer's calendar (the mairie's), as YYYY-MM-DD. */
function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
}

export const calendarHandlers: Pick<Handlers, 'calendar.upcoming'> = {
  'calendar.upcoming': ({ from, months }, context) => {
    if (from !== null && !isRealDate(from)) {
      const message = "Cette date n'existe pas : vérifiez le jour et le mois."
      throw new AppError('INVALID_INPUT', message, [{ path: 'from', message }])
    }
    return upcomingDeadlines({
      referentiel: context.referentiel().referentiel,
      context: communeContext(context.db),
      mandate: currentMandate(context.db),
      from: from ?? localDate(context.now()),
      months,
    })
  },
}
