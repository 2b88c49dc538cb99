import { AppError } from '../../../shared/errors'

/** Refuses an end before a start (both optional). */
export function assertOrdered(startOn: string | null, endOn: string | null, endField: string, message: string): void {
  if (startOn !== null && endOn !== null && endOn < startOn) throw new AppError('INVALID_INPUT', message, [{ path: endField, message }])
}
