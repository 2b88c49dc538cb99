/**
 * Arithmetic on calendar days written YYYY-MM-DD, in UTC so that no time zone or daylight saving shifts a day: the
 * one place the core adds days and months (deadlines, the training leave, the journal's and the ICS's « until » day).
 */

/** The date, with a day past the month's end moved to its last day (31 June → 30 June). */
export function isoDate(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`
}

/** `iso` + `months` calendar months (31 August + 6 months = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  return isoDate(Math.floor(index / 12), (index % 12) + 1, day)
}

/** `iso` + `days` days (negative: before). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
