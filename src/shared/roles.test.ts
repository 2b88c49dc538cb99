import { describe, expect, it } from 'vitest'
import { adjointRankLabel, FEMININE_ROLE_LABELS, MEMBER_ROLES, memberRoleLabel, ROLE_LABELS } from './roles'

describe('roles in the feminine where the civility says so', () => {
  it('« 1re adjointe », « 2e adjointe » for a Madame; « 1er adjoint » otherwise', () => {
    expect([1, 2, 10].map((rank) => adjointRankLabel(rank, 'madame'))).toEqual(['1re adjointe', '2e adjointe', '10e adjointe'])
    expect([1, 2].map((rank) => adjointRankLabel(rank, 'monsieur'))).toEqual(['1er adjoint', '2e adjoint'])
    expect(adjointRankLabel(1, null)).toBe('1er adjoint')
  })

  it('every role has its feminine, and a person is labelled by role, rank and civility', () => {
    for (const role of MEMBER_ROLES) expect(FEMININE_ROLE_LABELS[role], role).toMatch(/^[A-ZÉ]/)
    expect(memberRoleLabel({ role: 'adjoint', rank: 1, civility: 'madame' })).toBe('1re adjointe')
    expect(memberRoleLabel({ role: 'adjoint', rank: null, civility: 'madame' })).toBe('Adjointe au maire')
    expect(memberRoleLabel({ role: 'conseiller_delegue', rank: null, civility: 'madame' })).toBe('Conseillère municipale déléguée')
    expect(memberRoleLabel({ role: 'dgs', rank: null, civility: 'madame' })).toBe('Directrice générale des services')
    expect(memberRoleLabel({ role: 'agent_administratif', rank: null, civility: 'madame' })).toBe('Agente administrative')
    expect(memberRoleLabel({ role: 'maire', rank: null, civility: 'madame' })).toBe('Maire')
    expect(memberRoleLabel({ role: 'conseiller_municipal', rank: null, civility: 'monsieur' })).toBe(ROLE_LABELS.conseiller_municipal)
    // Not given: the labels as they always were.
    expect(memberRoleLabel({ role: 'adjoint', rank: 2 })).toBe('2e adjoint')
  })
})
