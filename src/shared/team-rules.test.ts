import { describe, expect, it } from 'vitest'
import { fillAdjointRanks } from './team-rules'

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
