import { describe, expect, it } from 'vitest'
import type { DomainView } from '../../../../shared/contract'
import { filterThemes } from './search'

const theme = (id: string, title: string, question: string) => ({
  id,
  domainId: 'enfance',
  title,
  description: 'Description du thème pour la commune.',
  usualHolder: 'commune' as const,
  competence: null,
  legalReferences: [{ code: 'Code de l’éducation', article: 'L212-4' }],
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
const domains: DomainView[] = [
  {
    id: 'enfance',
    title: 'Enfance et jeunesse',
    description: 'x',
    themes: [
      theme('ecole', 'École maternelle et élémentaire', 'Les locaux scolaires sont-ils entretenus ?'),
      theme('cantine', 'Restauration scolaire', 'Le menu végétarien hebdomadaire est-il proposé ?'),
    ],
  },
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

  it('keeps everything for an empty query', () => {
    expect(filterThemes(domains, '  ')[0]!.themes).toHaveLength(2)
  })
})
