import { describe, expect, it } from 'vitest'
import { agentsInTeam, defaultProfile, epciKindOf, USUAL_TRANSFERS } from './profile-defaults'
import { communeProfileSchema } from './profile'

describe('the profile the setup wizard starts from', () => {
  it('a mairie is an ERP, its agents are counted from the team (secrétaire and agents, not élus)', () => {
    const team = [
      { role: 'maire' as const },
      { role: 'adjoint' as const },
      { role: 'secretaire_mairie' as const },
      { role: 'agent_technique' as const },
    ]
    const profile = defaultProfile({ epciKind: null, team })
    expect(profile.facilities.erp).toBe(true)
    expect(agentsInTeam(team)).toBe(2)
    expect(profile.agentsHeadcount).toBe(2)
    expect(profile.transferredCompetences).toEqual([])
    // Everything else is still the questionnaire's « non »: no cemetery, no school invented.
    expect(profile.facilities.cemetery).toBe(false)
    expect(communeProfileSchema.parse(profile)).toEqual(profile)
  })

  it('the compulsory competences of each kind of intercommunalité (CGCT L5214-16, L5216-5, L5215-20, L5217-2)', () => {
    // Since loi n° 2025-327, eau and assainissement are no longer compulsory for a communauté de communes.
    expect(USUAL_TRANSFERS.CC).not.toContain('eau')
    expect(USUAL_TRANSFERS.CC).toEqual(expect.arrayContaining(['gemapi', 'dechets', 'developpement_economique', 'urbanisme']))
    expect(USUAL_TRANSFERS.CA).toEqual(expect.arrayContaining(['eau', 'assainissement', 'mobilite', 'habitat', 'gemapi', 'dechets']))
    expect(USUAL_TRANSFERS.CA).not.toContain('voirie')
    expect(USUAL_TRANSFERS.CU).toContain('voirie')
    expect(USUAL_TRANSFERS.CU).not.toContain('defense_incendie')
    expect(USUAL_TRANSFERS.METRO).toContain('defense_incendie')
    for (const kind of ['CC', 'CA', 'CU', 'METRO'] as const)
      expect(defaultProfile({ epciKind: kind, team: [] }).transferredCompetences).toEqual([...USUAL_TRANSFERS[kind]])
  })

  it("reads the directory's type, the Métropole de Lyon as a métropole, anything else as unknown", () => {
    expect(epciKindOf('CC')).toBe('CC')
    expect(epciKindOf('MET69')).toBe('METRO')
    expect(epciKindOf('SIVOM')).toBeNull()
    expect(epciKindOf(undefined)).toBeNull()
  })
})
