/** The numbers of a poll's results page, as a citizen reads them and as a screen reader says them: French, always. */
import { jsx } from 'hono/jsx'
import { describe, expect, it } from 'vitest'
import type { PollResults } from '../../shared/relay/api'
import type { Poll } from './queries'
import { Results } from './results'

// French writes thousands with a narrow no-break space (U+202F).
const NNBSP = '\u202f'

const poll = {
  id: 1,
  communeCode: '10145',
  externalId: 'place',
  kind: 'sondage',
  title: 'Quel aménagement pour la place ?',
  description: null,
  projectExternalId: null,
  opensAt: new Date('2026-11-01T00:00:00Z'),
  closesAt: new Date('2026-11-30T00:00:00Z'),
  verification: 'compte',
  results: 'a_la_cloture',
  questions: [
    {
      id: 'q',
      label: 'Que faire de la place ?',
      kind: 'choix_unique',
      required: true,
      options: [
        { id: 'a', label: 'Un jardin' },
        { id: 'b', label: 'Des places de stationnement' },
        { id: 'c', label: 'Ne rien changer' },
      ],
    },
    { id: 't', label: 'Une idée ?', kind: 'texte_court', required: false, options: [] },
  ],
  createdAt: new Date('2026-10-30T00:00:00Z'),
  updatedAt: new Date('2026-10-30T00:00:00Z'),
  removedAt: null,
} as unknown as Poll

function results(counts: [number, number, number], participants: number, answered: number): PollResults {
  return {
    externalId: 'place',
    participants,
    closed: true,
    questions: [
      {
        id: 'q',
        kind: 'choix_unique',
        answered: participants,
        options: [
          { id: 'a', label: 'Un jardin', count: counts[0] },
          { id: 'b', label: 'Des places de stationnement', count: counts[1] },
          { id: 'c', label: 'Ne rien changer', count: counts[2] },
        ],
      },
      { id: 't', kind: 'texte_court', answered, options: [] },
    ],
  } as PollResults
}

const html = (value: PollResults) => String(jsx(Results, { poll, results: value, now: new Date('2026-12-02T10:00:00Z') }))

describe('a poll’s results page', () => {
  it('writes votes and participants with French thousands and shares with a decimal comma, the same for a screen reader', () => {
    const page = html(results([1000, 2000, 1], 3001, 1250))
    expect(page).toContain('<h2 id="resultats">Résultats</h2>')
    expect(page).toContain(`3${NNBSP}001 participants.`)
    expect(page).toContain(`<th scope="row">Un jardin</th><td>1${NNBSP}000</td>`)
    expect(page).toContain(`<td>2${NNBSP}000</td>`)
    expect(page).toContain('aria-label="Un jardin : 33,3 %"')
    expect(page).toContain('aria-label="Des places de stationnement : 66,6 %"')
    expect(page).toContain('aria-label="Ne rien changer : 0 %"')
    expect(page).toMatch(/<meter[^>]*>33,3 %<\/meter> 33,3 %/)
    expect(page).toContain(`<strong>Une idée ?</strong> : 1${NNBSP}250 réponses écrites, transmises à la mairie.`)
    // No number written the English way, nor a raw one of four digits (the meters' values are for the browser).
    expect(page.replace(/ value="[\d.]+"/g, '')).not.toMatch(/\d\.\d|\d{4}/)
  })

  it('writes one participant and one answer in the singular, and 0 % for a question nobody answered', () => {
    const page = html(results([1, 0, 0], 1, 1))
    expect(page).toContain('1 participant.')
    expect(page).toContain('aria-label="Un jardin : 100 %"')
    expect(page).toContain('aria-label="Ne rien changer : 0 %"')
    expect(page).toContain('1 réponse écrite, transmise à la mairie.')
    expect(html(results([0, 0, 0], 0, 0))).toContain('aria-label="Un jardin : 0 %"')
  })
})
