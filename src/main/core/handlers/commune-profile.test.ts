import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

const NOW = '2026-05-04T10:00:00.000Z'
const setUp = setUpCorePerTest('profile', { now: () => new Date(NOW), referentielFile: FIXTURE_REFERENTIEL_FILE })

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
