import { describe, expect, it } from 'vitest'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'
import { seedProjects } from '../testing/seed-projects'
import { unescapeText, unfoldIcs } from '../exports/ics'

const setUp = setUpCorePerTest('ics', { now: () => new Date('2026-06-15T12:00:00.000Z'), referentielFile: FIXTURE_REFERENTIEL_FILE })

interface ParsedEvent {
  [property: string]: string
}

/** Parses the file back, line by line: every physical line ≤ 75 octets and CRLF-terminated, events as property maps. */
function parse(base64: string): { lines: string[]; events: ParsedEvent[] } {
  const text = Buffer.from(base64, 'base64').toString('utf8')
  expect(text.endsWith('\r\n')).toBe(true)
  for (const physical of text.slice(0, -2).split('\r\n')) {
    expect(physical).not.toMatch(/[\r\n]/)
    expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75)
  }
  const lines = unfoldIcs(text)
  const events: ParsedEvent[] = []
  let current: ParsedEvent | null = null
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {}
    else if (line === 'END:VEVENT') {
      events.push(current!)
      current = null
    } else if (current) {
      const colon = line.indexOf(':')
      current[line.slice(0, colon)] = line.slice(colon + 1)
    }
  }
  return { lines, events }
}

describe('planning.ics', () => {
  it('everything: tasks and actions with a due date, and the legal deadlines to the end of the mandate', async () => {
    const { core, session } = setUp()
    const ids = seedProjects(core.database.sqlite)
    const file = await ok(core, session, 'planning.ics', {})
    expect(file).toMatchObject({ fileName: 'cap-commune.ics', mimeType: 'text/calendar;charset=utf-8' })
    const { lines, events } = parse(file.contentBase64)
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0'])
    expect(lines.at(-1)).toBe('END:VCALENDAR')
    expect(lines.some((l) => l.startsWith('BEGIN:VTIMEZONE'))).toBe(false)

    const uids = events.map((e) => e.UID!)
    expect(new Set(uids).size).toBe(uids.length)
    for (const id of Object.values(ids.tasks)) expect(uids).toContain(`tache-${id}@10145.cap-commune`)
    expect(uids).toContain(`action-${ids.action}@10145.cap-commune`)
    for (const event of events) {
      expect(event.DTSTAMP).toBe('20260615T120000Z')
      expect(event['DTSTART;VALUE=DATE']).toMatch(/^\d{8}$/)
    }

    const blocked = events.find((e) => e.UID === `tache-${ids.tasks.blocked}@10145.cap-commune`)!
    expect(blocked['DTSTART;VALUE=DATE']).toBe('20260501')
    expect(blocked['DTEND;VALUE=DATE']).toBe('20260502')
    expect(blocked.SUMMARY).toBe('Dépôt du permis\\, pièces \\; plans')
    expect(unescapeText(blocked.DESCRIPTION!)).toBe('Projet : Préau de l’école\nStatut : Bloquée\nResponsable : Paul Bernard')

    // Legal deadlines (fixture référentiel): the quarterly council and the budget, from today to the end of 2032.
    const legal = events.filter((e) => e.UID!.startsWith('echeance-'))
    expect(legal[0]).toMatchObject({ UID: 'echeance-conseil-trimestre-2026-06-30@10145.cap-commune', 'DTSTART;VALUE=DATE': '20260630' })
    expect(legal.every((e) => e.SUMMARY!.startsWith('Échéance légale : '))).toBe(true)
    expect(legal.some((e) => e['DTSTART;VALUE=DATE'] === '20320415' || e['DTSTART;VALUE=DATE'] === '20320430')).toBe(true)
    expect(legal.every((e) => e['DTSTART;VALUE=DATE']! >= '20260615' && e['DTSTART;VALUE=DATE']! <= '20321231')).toBe(true)

    // Stable: the same file again has the same UIDs.
    const again = parse((await ok(core, session, 'planning.ics', {})).contentBase64)
    expect(again.events.map((e) => e.UID)).toEqual(uids)
  })

  it('one person: only their tasks, plus the legal deadlines; the file is named after them', async () => {
    const { core, session } = setUp()
    const ids = seedProjects(core.database.sqlite)
    const bernard = (await ok(core, session, 'members.list')).find((m) => m.lastName === 'Bernard')!
    const file = await ok(core, session, 'planning.ics', { memberId: bernard.id })
    expect(file.fileName).toBe('cap-commune-paul-bernard.ics')
    const { lines, events } = parse(file.contentBase64)
    expect(lines).toContain('X-WR-CALNAME:Cap Commune — Paul Bernard')
    const own = events.filter((e) => !e.UID!.startsWith('echeance-')).map((e) => e.UID)
    expect(own).toEqual([`tache-${ids.tasks.roadDone}@10145.cap-commune`, `tache-${ids.tasks.blocked}@10145.cap-commune`])
    expect(events.find((e) => e.UID === own[0])!.SUMMARY).toBe('✓ Relevé topographique')
    expect(events.some((e) => e.UID!.startsWith('echeance-'))).toBe(true)

    const durand = (await ok(core, session, 'members.list')).find((m) => m.lastName === 'Durand')!
    expect((await ok(core, session, 'planning.ics', { memberId: durand.id })).fileName).toBe('cap-commune-sophie-durand.ics')
    expect((await failure(core, session, 'planning.ics', { memberId: 999 })).code).toBe('NOT_FOUND')
  })
})
