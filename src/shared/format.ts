/** French formatting for everything the app displays (fr-FR numbers, dates, euros). */
const LOCALE = 'fr-FR'

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 })
const euroFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' })
const wholeEuroFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' })
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeStyle: 'short' })

export function formatInteger(value: number): string {
  return integerFormat.format(value)
}

export function formatEuros(value: number): string {
  return euroFormat.format(value)
}

/** Euros rounded to the euro, for an axis or a total at a glance: « 12 500 € ». */
export function formatWholeEuros(value: number): string {
  return wholeEuroFormat.format(value)
}

export function formatPopulation(population: number | null): string {
  if (population === null) return 'Population inconnue'
  return `${formatInteger(population)} habitant${population > 1 ? 's' : ''}`
}

/**
 * `formatter.format(date)` with the first of the month written as French writes it, « 1er mars 2027 » (Intl gives
 * « 1 mars 2027 »). For any fr-FR formatter that shows the day.
 */
export function frenchDate(formatter: Intl.DateTimeFormat, date: Date): string {
  return formatter
    .formatToParts(date)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('')
}

export function formatDate(iso: string): string {
  return frenchDate(dateFormat, new Date(iso))
}

/** A date, or « — » when there is none (a table cell). */
export function formatDateOrDash(iso: string | null): string {
  return iso ? formatDate(iso) : '—'
}

/** A period in words (the PDF font has no arrow): « du 1er mars 2027 au 30 juin 2027 », « Dates non fixées ». */
export function formatPeriod(start: string | null, end: string | null): string {
  if (start && end) return `du ${formatDate(start)} au ${formatDate(end)}`
  if (start) return `à partir du ${formatDate(start)}`
  if (end) return `jusqu’au ${formatDate(end)}`
  return 'Dates non fixées'
}

const measureFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 })

/** A measured value with its unit, « 21 350,5 kWh/an »; « — » without a value. */
export function formatMeasure(value: number | null, unit: string): string {
  return value === null ? '—' : `${measureFormat.format(value)}${unit ? ` ${unit}` : ''}`
}

export function formatDateTime(iso: string): string {
  return frenchDate(dateTimeFormat, new Date(iso))
}

/** Today's local date as YYYY-MM-DD, the form dates travel in. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

const decimalFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 })

/** A number with one decimal at most: « 1,5 », « 12 », « 1 234,5 ». */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value)
}

const coordinateFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 5, maximumFractionDigits: 5 })

/** A GPS position as a person reads it, to the metre: « 45,12345° N, 3,56789° E ». */
export function formatCoordinates(latitude: number, longitude: number): string {
  const part = (value: number, positive: string, negative: string) =>
    `${coordinateFormat.format(Math.abs(value))}° ${value < 0 ? negative : positive}`
  return `${part(latitude, 'N', 'S')}, ${part(longitude, 'E', 'O')}`
}

/** A share in percent with one decimal at most: « 42,5 % ». */
export function formatPercent(value: number): string {
  return `${formatDecimal(value)} %`
}

export function formatCents(cents: number): string {
  return formatEuros(cents / 100)
}

/** A file size for people: « 840 Ko », « 12,5 Mo », « 1,2 Go ». */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatDecimal(Math.max(1, Math.round(bytes / 1024)))} Ko`
  if (bytes < 1024 ** 3) return `${formatDecimal(bytes / 1024 ** 2)} Mo`
  return `${formatDecimal(bytes / 1024 ** 3)} Go`
}
