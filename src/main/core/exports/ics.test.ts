import { describe, expect, it } from 'vitest'
import { escapeText, foldLine, unescapeText, unfoldIcs, writeIcs } from './ics'

describe('the iCalendar writer', () => {
  const stamp = new Date('2026-11-29T08:30:00.000Z')

  it('writes CRLF lines, one all-day VEVENT per event with a stable UID and DTSTAMP', () => {
    const text = writeIcs({
      name: 'Cap Commune',
      stamp,
      events: [
        { uid: 'task-12@cap-commune', date: '2026-12-31', summary: 'Réfection du préau', description: 'Projet : École', categories: ['Tâche'] },
      ],
    })
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = unfoldIcs(text)
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.at(-1)).toBe('END:VCALENDAR')
    expect(lines).toContain('VERSION:2.0')
    expect(lines).not.toContain('BEGIN:VTIMEZONE')
    const event = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1)
    expect(event).toEqual([
      'BEGIN:VEVENT',
      'UID:task-12@cap-commune',
      'DTSTAMP:20261129T083000Z',
      'DTSTART;VALUE=DATE:20261231',
      'DTEND;VALUE=DATE:20270101',
      'SUMMARY:Réfection du préau',
      'DESCRIPTION:Projet : École',
      'CATEGORIES:Tâche',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ])
  })

  it('escapes backslashes, semicolons, commas and line breaks, and reads them back', () => {
    const raw = 'Budget; voirie, école\\annexe\nligne 2'
    expect(escapeText(raw)).toBe('Budget\\; voirie\\, école\\\\annexe\\nligne 2')
    expect(unescapeText(escapeText(raw))).toBe(raw)
  })

  it('folds lines longer than 75 octets without cutting a UTF-8 character', () => {
    const summary = 'Étude énergétique de l’école maternelle et du gymnase — priorité élevée — «\u00a0réhabilitation\u00a0» éé'.repeat(3)
    const text = writeIcs({ name: 'Cap Commune', stamp, events: [{ uid: 'x@cap-commune', date: '2027-01-05', summary }] })
    for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75)
    const summaryLine = unfoldIcs(text).find((l) => l.startsWith('SUMMARY:'))!
    expect(unescapeText(summaryLine.slice('SUMMARY:'.length))).toBe(summary)
    expect(text).not.toContain('\uFFFD')
    expect(foldLine('court')).toBe('court')
  })
})
