import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok, TempDirs } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

const NOW = '2026-05-04T10:00:00.000Z'
const setUp = setUpCorePerTest('profile', { now: () => new Date(NOW), referentielFile: FIXTURE_REFERENTIEL_FILE })

describe('referentiel.get', () => {
  it('gives each criterion its applicability for Faux-Villecerf (215 inhabitants, empty questionnaire), with the reason', async () => {
    const { core, session } = setUp()
    const view = await ok(core, session, 'referentiel.get')
    expect(view.version).toBe('2026.0')
    const criteria = view.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria))
    const byId = Object.fromEntries(criteria.map((c) => [c.id, c.applicability]))
    expect(byId['budget-vote-delai']).toEqual({ applies: true, reason: '' })
    expect(byId['conseil-reglement-interieur']!.applies).toBe(false)
    // fr-FR groups thousands with a narrow no-break space.
    expect(byId['conseil-reglement-interieur']!.reason).toMatch(
      /^Ne concerne que les communes de 1\s000 habitants ou plus \(la vôtre en compte 215\)\.$/,
    )
    expect(byId['ecole-cantine-menus']!.applies).toBe(false)
    expect(byId['ecole-cantine-menus']!.reason).toContain('restauration scolaire')
    expect(view.domains[0]!.themes[1]).toMatchObject({ id: 'finances', domainId: 'gouvernance', competence: null, legalReferences: [] })
    expect(criteria.find((c) => c.id === 'conseil-reunion-trimestrielle')!.help).toBe('Fait : au moins une séance dans chacun des quatre trimestres.')
  })
})

describe('communeProfile', () => {
  it('is the empty questionnaire until answered', async () => {
    const { core, session } = setUp()
    const profile = await ok(core, session, 'communeProfile.get')
    expect(profile).toMatchObject({ transferredCompetences: [], agentsFte: 0, facilities: { canteen: false }, risks: { seismicZone: null } })
  })

  it('an administrator answers it: the criteria that apply change, and the audit trail keeps each changed group', async () => {
    const { core, session } = setUp()
    const saved = await ok(core, session, 'communeProfile.update', {
      facilities: { canteen: true, school: true },
      risks: { pprn: true },
      agentsFte: 2.5,
    })
    expect(saved).toMatchObject({ facilities: { canteen: true, school: true, erp: false }, risks: { pprn: true, ppi: false }, agentsFte: 2.5 })
    expect(await ok(core, session, 'communeProfile.get')).toEqual(saved)
    const view = await ok(core, session, 'referentiel.get')
    const applies = Object.fromEntries(view.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria)).map((c) => [c.id, c.applicability.applies]))
    expect(applies['ecole-cantine-menus']).toBe(true)
    expect(applies['risques-dicrim']).toBe(true)

    await ok(core, session, 'communeProfile.update', { ...saved, agentsFte: 3 })
    const trail = auditRows(core.database.sqlite, { entity: 'communeProfile' })
    expect(trail.map((r) => [r.action, r.field, r.profileName])).toEqual([
      ['create', null, 'Secrétariat'],
      ['update', 'agentsFte', 'Secrétariat'],
    ])
    expect(trail[1]).toMatchObject({ before: 2.5, after: 3, at: NOW })
  })

  it('refuses bad answers in French and writes nothing', async () => {
    const { core, session } = setUp()
    const error = await failure(core, session, 'communeProfile.update', { risks: { seismicZone: 7 } })
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'La zone de sismicité va de 1 à 5.' })
    const competence = await failure(core, session, 'communeProfile.update', { transferredCompetences: ['piscine'] })
    expect(competence.message).toBe("Cette compétence n'existe pas.")
    expect(auditRows(core.database.sqlite, { entity: 'communeProfile' })).toEqual([])
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM commune_profile').get()).toEqual({ n: 0 })
  })

  it('is for administrators only', async () => {
    const { core, session } = setUp()
    await signInAsElu(core, session)
    expect((await failure(core, session, 'communeProfile.update', { agentsFte: 1 })).code).toBe('FORBIDDEN')
    expect((await ok(core, session, 'communeProfile.get')).agentsFte).toBe(0)
  })
})

describe('an unreadable référentiel', () => {
  it('answers with a French message saying what to do, and the data are untouched', async () => {
    const temp = new TempDirs('cap-commune-bad-referentiel-')
    const { core: good, dataDir } = setUp()
    good.close()
    const file = join(temp.make(), 'referentiel.json')
    writeFileSync(file, '{"version": "x"}')
    const { createTestCore } = await import('../testing')
    const { core, session } = createTestCore(dataDir, { referentielFile: file })
    try {
      const error = await failure(core, session, 'referentiel.get', {})
      expect(error.code).toBe('INTERNAL')
      expect(error.message).toMatch(/^Le référentiel de Cap Commune est illisible : son contenu n'est pas conforme/)
      expect(error.message).toContain("Vos données n'ont pas été touchées")
    } finally {
      core.close()
      temp.cleanup()
    }
  })
})
