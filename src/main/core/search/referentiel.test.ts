import { describe, expect, it } from 'vitest'
import { parseReferentiel } from '../referentiel/load'
import { buildReferentiel } from '../testing/referentiel'
import { searchTokens } from './fts'
import { searchReferentiel } from './referentiel'

/** Voirie first in the référentiel, with a criterion about schools; then the domain named after schools. */
function referentiel() {
  const built = buildReferentiel([
    { id: 'voirie', themes: [{ id: 'securite-routiere', criteria: [{ id: 'abords', weight: 2 }] }] },
    {
      id: 'enfance-jeunesse-ecole',
      themes: [
        { id: 'periscolaire', criteria: [{ id: 'accueil', weight: 1 }] },
        { id: 'ecole-batiments', criteria: [{ id: 'locaux', weight: 1 }] },
      ],
    },
  ])
  const [voirie, enfance] = built.domains as [(typeof built.domains)[number], (typeof built.domains)[number]]
  voirie.title = 'Voirie, réseaux et mobilité'
  voirie.themes[0]!.title = 'Sécurité routière'
  voirie.themes[0]!.description = 'Vitesse, abords des écoles et passages piétons.'
  voirie.themes[0]!.criteria[0]!.question = 'Les abords des écoles sont-ils sécurisés ?'
  enfance.title = 'Enfance, jeunesse et école'
  enfance.themes[0]!.title = 'Périscolaire et jeunesse'
  enfance.themes[1]!.title = 'Bâtiments et fonctionnement de l’école'
  enfance.themes[1]!.criteria[0]!.question = 'Les locaux sont-ils entretenus ?'
  return parseReferentiel(built)
}

describe('searchReferentiel', () => {
  it('ranks titles, then the domain’s own name, before a word found in a description', () => {
    const { themes, criteria } = searchReferentiel(referentiel(), searchTokens('école'), 10)
    expect(themes.map((t) => t.id)).toEqual(['ecole-batiments', 'periscolaire', 'securite-routiere'])
    // A criterion: its question first, then its theme's name.
    expect(criteria.map((c) => c.id)).toEqual(['abords', 'locaux'])
  })

  it('needs every word somewhere, and keeps the référentiel’s order between equals', () => {
    const loaded = referentiel()
    expect(searchReferentiel(loaded, searchTokens('ecole pietons'), 10).themes.map((t) => t.id)).toEqual(['securite-routiere'])
    expect(searchReferentiel(loaded, searchTokens('piscine'), 10).themes).toEqual([])
    expect(searchReferentiel(loaded, searchTokens('et'), 10).themes.map((t) => t.id)).toEqual([
      'periscolaire',
      'ecole-batiments',
      'securite-routiere',
    ])
  })
})
