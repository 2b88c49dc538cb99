import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { signInAsElu } from '../testing/referentiel'

const setUp = setUpCorePerTest('commune')

describe('commune', () => {
  it('commune.get is readable by any signed-in profile, not by an anonymous window', async () => {
    const test = setUp()
    await signInAsElu(test.core, test.session, 'Élu')
    expect((await ok(test.core, test.session, 'commune.get')).name).toBe('Faux-Villecerf')
    expect((await failure(test.core, { profileId: null }, 'commune.get', {})).code).toBe('NOT_SIGNED_IN')
  })

  it('commune.choose replaces the commune from the directory and audits each changed field', async () => {
    const { core, session } = setUp()
    const saintEtienne = await ok(core, session, 'commune.choose', { inseeCode: '42218' })
    expect(saintEtienne).toMatchObject({ inseeCode: '42218', name: 'Saint-Étienne', departementName: 'Loire', regionName: 'Auvergne-Rhône-Alpes' })
    expect(await ok(core, session, 'commune.get')).toEqual(saintEtienne)

    const changed = auditRows(core.database.sqlite, { entity: 'commune' }).filter((r) => r.action === 'update')
    const byField = Object.fromEntries(changed.map((r) => [r.field, [r.before, r.after]]))
    expect(byField.name).toEqual(['Faux-Villecerf', 'Saint-Étienne'])
    expect(byField.inseeCode).toEqual(['10145', '42218'])
    expect(byField).not.toHaveProperty('source')
    expect(changed.every((r) => r.profileName === 'Secrétariat')).toBe(true)
  })

  it('commune.choose refuses an unknown code and a non-administrator', async () => {
    const test = setUp()
    const { core, session } = test
    expect((await failure(core, session, 'commune.choose', { inseeCode: '10999' })).code).toBe('NOT_FOUND')
    expect((await failure(core, session, 'commune.choose', { inseeCode: 'abc' })).code).toBe('INVALID_INPUT')
    await signInAsElu(test.core, test.session, 'Élu')
    expect((await failure(core, session, 'commune.choose', { inseeCode: '42218' })).code).toBe('FORBIDDEN')
    expect((await ok(core, session, 'commune.get')).name).toBe('Faux-Villecerf')
  })

  it('directory.searchCommunes works before anyone signs in (the setup wizard uses it)', async () => {
    const { core } = setUp()
    const found = await ok(core, { profileId: null }, 'directory.searchCommunes', { query: 'faux vill' })
    expect(found[0]).toMatchObject({ inseeCode: '10145', name: 'Faux-Villecerf' })
    expect(found.length).toBeLessThanOrEqual(20)
  })
})

describe('commune.setPopulation', () => {
  it('keeps the directory’s municipale, records the population totale in force and says which obligations start or stop', async () => {
    const { core, session } = setUp()
    const before = await ok(core, session, 'commune.get')
    expect(before).toMatchObject({ population: 215, populationTotale: null, populationTotaleYear: null })

    const raised = await ok(core, session, 'commune.setPopulation', { populationTotale: 1000, year: 2026 })
    expect(raised.commune).toMatchObject({ population: 215, populationTotale: 1000, populationTotaleYear: 2026 })
    // From 1 000 inhabitants (population totale): règlement intérieur, opposition's space, PAVE.
    expect(raised.starting.map((c) => c.criterionId).sort()).toEqual(['pave', 'reglement-interieur-adopte', 'tribune-opposition'])
    expect(raised.starting.find((c) => c.criterionId === 'reglement-interieur-adopte')!.legalBasis).toBe('CGCT, art. L2121-8')
    expect(raised.stopping.map((c) => c.criterionId)).toEqual(['questions-orales-deliberation'])
    const view = await ok(core, session, 'referentiel.get')
    const rule = view.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria)).find((c) => c.id === 'reglement-interieur-adopte')!
    expect(rule.applicability).toEqual({ applies: true, reason: '' })

    const back = await ok(core, session, 'commune.setPopulation', { populationTotale: null })
    expect(back.commune).toMatchObject({ population: 215, populationTotale: null, populationTotaleYear: null })
    expect(back.stopping.map((c) => c.criterionId).sort()).toEqual(['pave', 'reglement-interieur-adopte', 'tribune-opposition'])

    const trail = auditRows(core.database.sqlite, { entity: 'commune' }).filter((r) => r.action === 'update')
    expect(trail.map((r) => [r.field, r.before, r.after])).toContainEqual(['populationTotale', null, 1000])
  })

  it.each([
    [{ populationTotale: -5 }, 'populationTotale', 'La population totale compte au moins un habitant.'],
    [{ populationTotale: 2.5 }, 'populationTotale', 'La population totale est un nombre entier d’habitants.'],
    [{ populationTotale: '1 000' }, 'populationTotale', 'La population totale doit être un nombre entier d’habitants.'],
    [{ populationTotale: 1000, year: 1850 }, 'year', "L'année doit être postérieure à 1990."],
  ])('refuses %j with a French message and changes nothing', async (input, path, message) => {
    const { core, session } = setUp()
    const error = await failure(core, session, 'commune.setPopulation', input)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues).toContainEqual({ path, message })
    expect(await ok(core, session, 'commune.get')).toMatchObject({ populationTotale: null })
  })

  it('is for administrators only', async () => {
    const test = setUp()
    await signInAsElu(test.core, test.session, 'Élu')
    expect((await failure(test.core, test.session, 'commune.setPopulation', { populationTotale: 300 })).code).toBe('FORBIDDEN')
  })
})
