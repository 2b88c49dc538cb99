import { describe, expect, it } from 'vitest'
import type { DomainView } from '@shared/contract'
import { filterThemes } from './search'

const theme = (id: string, title: string, question: string) => ({
  id,
  domainId: 'enfance',
  title,
  description: 'Description du thème pour la commune.',
  usualHolder: 'commune' as const,
  competence: null,
  legalReferences: [
    {
      code: 'Code de l’éducation',
      article: 'L212-4',
      url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006071191/',
      checkedOn: '2026-12-01',
    },
  ],
  criteria: [
    {
      id: `${id}-1`,
      question,
      kind: 'obligation' as const,
      weight: 3,
      legalBasis: [],
      help: null,
      nextStep: 'Agir.',
      applicability: { applies: true, reason: '' },
    },
  ],
})
const domain = (id: string, title: string, themes: DomainView['themes']): DomainView => ({ id, title, description: 'x', themes })
const domains: DomainView[] = [
  domain('enfance', 'Enfance et jeunesse', [
    theme('ecole', 'École maternelle et élémentaire', 'Les locaux scolaires sont-ils entretenus ?'),
    theme('cantine', 'Restauration scolaire', 'Le menu végétarien hebdomadaire est-il proposé ?'),
  ]),
]

describe('filterThemes', () => {
  it('finds accented words typed without accents, in titles and criteria', () => {
    expect(filterThemes(domains, 'ecole')[0]!.themes.map((t) => t.id)).toEqual(['ecole'])
    expect(filterThemes(domains, 'VEGETARIEN')[0]!.themes.map((t) => t.id)).toEqual(['cantine'])
  })

  it('needs every word and finds legal references', () => {
    expect(filterThemes(domains, 'scolaire menu')[0]!.themes.map((t) => t.id)).toEqual(['cantine'])
    expect(filterThemes(domains, 'L212-4')[0]!.themes).toHaveLength(2)
    expect(filterThemes(domains, 'piscine')).toEqual([])
  })

  it('ranks titles and the domain’s own name first: « école » puts « Enfance, jeunesse et école » before Voirie', () => {
    const voirie = domain('voirie', 'Voirie, réseaux et mobilité', [
      theme('securite-abords', 'Sécurité routière', 'Les abords des écoles sont-ils sécurisés ?'),
    ])
    const enfance = domain('enfance-jeunesse-ecole', 'Enfance, jeunesse et école', [
      theme('periscolaire', 'Périscolaire et jeunesse', 'L’accueil du matin est-il déclaré ?'),
      theme('ecole-batiments', 'Bâtiments et fonctionnement de l’école', 'Les locaux sont-ils entretenus ?'),
    ])
    const found = filterThemes([voirie, enfance], 'école')
    expect(found.map((g) => g.domain.id)).toEqual(['enfance-jeunesse-ecole', 'voirie'])
    // In the domain, the theme named after the word first, then the one found through its domain's name.
    expect(found[0]!.themes.map((t) => t.id)).toEqual(['ecole-batiments', 'periscolaire'])
    // Without a match in any title, the référentiel's order stays.
    expect(filterThemes([voirie, enfance], 'entretenus')[0]!.domain.id).toBe('enfance-jeunesse-ecole')
    expect(filterThemes([enfance, voirie], 'sont').map((g) => g.domain.id)).toEqual(['enfance-jeunesse-ecole', 'voirie'])
  })

  it('keeps everything for an empty query', () => {
    expect(filterThemes(domains, '  ')[0]!.themes).toHaveLength(2)
  })
})
