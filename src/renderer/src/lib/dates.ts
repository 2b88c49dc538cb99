import { isRealIsoDate } from '@shared/contract/fields'

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const ISO_DATE = /^\d{4}-\d\d-\d\d$/

/** « 5/3/2027 » → 2027-03-05 (an ISO date typed as such is kept); null when it is not a real date. */
export function isoFromFrench(text: string | null): string | null {
  const typed = (text ?? '').trim()
  if (ISO_DATE.test(typed)) return isRealIsoDate(typed) ? typed : null
  const match = FRENCH_DATE.exec(typed)
  if (!match) return null
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`
  return isRealIsoDate(iso) ? iso : null
}

/** 2027-03-05 → « 05/03/2027 »; anything else as it is (what was typed), '' for null. */
export function frenchFromIso(value: string | null): string {
  if (value === null) return ''
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value)
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value
}

/**
 * What is wrong with a typed date: 'format' (not JJ/MM/AAAA), 'impossible' (« 31/02/2027 »), or null when it is
 * empty or a real date.
 */
export function frenchDateProblem(text: string | null): 'format' | 'impossible' | null {
  const typed = (text ?? '').trim()
  if (typed === '' || isoFromFrench(typed) !== null) return null
  return FRENCH_DATE.test(typed) || ISO_DATE.test(typed) ? 'impossible' : 'format'
}
