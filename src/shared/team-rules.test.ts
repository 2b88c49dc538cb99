import { describe, expect, it } from 'vitest'
import { fillAdjointRanks, findSecondMaire } from './team-rules'

describe('fillAdjointRanks', () => {
  it('numbers adjoints in order and leaves other roles without a rank', () => {
    const ranked = fillAdjointRanks([
      { role: 'maire' as const, rank: 4 },
      { role: 'adjoint' as const },
      { role: 'conseiller_municipal' as const },
      { role: 'adjoint' as const, rank: null },
    ])
    expect(ranked.map((m) => m.rank)).toEqual([null, 1, null, 2])
  })

  it('keeps the ranks already chosen and fills the gaps around them', () => {
    const ranked = fillAdjointRanks([
      { role: 'adjoint' as const, rank: null },
      { role: 'adjoint' as const, rank: 1 },
      { role: 'adjoint' as const, rank: 3 },
      { role: 'adjoint' as const, rank: null },
    ])
    expect(ranked.map((m) => m.rank)).toEqual([2, 1, 3, 4])
  })
})

describe('findSecondMaire', () => {
  const maire = (firstName: string, lastName: string) => ({ role: 'maire' as const, firstName, lastName })
  it('accepts a team with one maire or none', () => {
    expect(findSecondMaire([maire('Marie', 'Lambert'), { role: 'adjoint', firstName: 'Paul', lastName: 'Girard' }])).toBeNull()
    expect(findSecondMaire([])).toBeNull()
  })
  it('names the maire already there and the one to change, at the second one’s place', () => {
    const refusal = findSecondMaire([maire('Marie', 'Lambert'), { role: 'adjoint', firstName: 'Paul', lastName: 'Girard' }, maire('Jean', 'Roux')])
    expect(refusal).toEqual({
      index: 2,
      message: "La commune ne peut avoir qu'un seul maire : Marie Lambert l'est déjà. Choisissez un autre rôle pour Jean Roux.",
      fieldMessage: "Il y a déjà un maire dans l'équipe.",
    })
  })
})
