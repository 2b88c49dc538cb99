/**
 * A minimal RFC 5545 writer for all-day events: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
 * character), TEXT values escaped (backslash, ';', ',' and line breaks), no VTIMEZONE (DATE values float).
 * Pure: no database, no clock (DTSTAMP is passed in).
 */
import { addDays } from '../days'

export interface IcsEvent {
  /** Stable across exports, so that a calendar re-importing the file updates instead of duplicating. */
  uid: string
  /** YYYY-MM-DD, the event's day. */
  date: string
  summary: string
  description?: string
  categories?: string[]
}

export interface IcsCalendar {
  name: string
  /** When the file is written (DTSTAMP of every event). */
  stamp: Date
  events: IcsEvent[]
}

const CRLF = '\r\n'
const MAX_OCTETS = 75

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds a content line at 75 octets; continuation lines start with one space (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    // The first line holds 75 octets, the next ones 74 after their leading space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

function basicDate(iso: string): string {
  return iso.replace(/-/g, '')
}

function stampOf(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`
}

export function writeIcs(calendar: IcsCalendar): string {
  const stamp = stampOf(calendar.stamp)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cap Commune//Planning//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ]
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    )
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`)
    if (event.categories && event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`)
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}

/** Unfolds and splits a calendar back into logical lines (for tests and for reading one's own output). */
export function unfoldIcs(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
}

/** Reverses escapeText. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}
