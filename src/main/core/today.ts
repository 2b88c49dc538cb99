import { todayIso } from '../../shared/format'
import type { CoreEnvironment } from './context'

/** Today on the mairie's calendar (the computer's), YYYY-MM-DD: what is due before it and not done is overdue. */
export function todayOf(context: Pick<CoreEnvironment, 'now'>): string {
  return todayIso(context.now())
}
