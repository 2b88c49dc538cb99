import { AppError } from '../../../shared/errors'

/** A date on the computer's calendar (the mairie's), as YYYY-MM-DD: « today » for overdue tasks. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
}

/** Refuses dates that have the right shape but do not exist (2026-02-30), naming the field at fault. */
export function assertRealDates(values: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && !isRealDate(value)) {
      const message = `La date ${value} n'existe pas : vérifiez le jour et le mois.`
      throw new AppError('INVALID_INPUT', message, [{ path: field, message }])
    }
  }
}

/** Refuses an end before a start (both optional). */
export function assertOrdered(startOn: string | null, endOn: string | null, endField: string, message: string): void {
  if (startOn !== null && endOn !== null && endOn < startOn) throw new AppError('INVALID_INPUT', message, [{ path: endField, message }])
}
