import type { CoreEnvironment } from './context'

/** A day on the computer's calendar (the mairie's), as YYYY-MM-DD. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** Today on the mairie's calendar: what is due before it and not done is overdue. */
export function todayOf(context: Pick<CoreEnvironment, 'now'>): string {
  return localDate(context.now())
}
