import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const setUp = setUpCorePerTest('commune')

async function signInAsPlainProfile({ core, session }: TestCore): Promise<void> {
  const elu = await ok(core, session, 'profiles.create', { displayName: 'Élu' })
  await ok(core, session, 'session.open', { profileId: elu.id })
}

describe('mandate', () => {
  it('mandate.get gives the mandate entered at setup', async () => {
    const { core, session } = setUp()
    expect(await ok(core, session, 'mandate.get')).toEqual({ startYear: 2026, endYear: 2032, installedOn: null })
  })

  it.each([
    [2032, 2032, "L'année de fin du mandat doit être après l'année de début."],
    [2032, 2026, "L'année de fin du mandat doit être après l'année de début."],
    [2026, 2034, 'Un mandat municipal dure six ans (sept au plus en cas de report des élections).'],
  ])('mandate.update refuses %i–%i, and keeps the mandate', async (startYear, endYear, message) => {
    const { core, session } = setUp()
    const error = await failure(core, session, 'mandate.update', { startYear, endYear })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues).toContainEqual({ path: 'endYear', message })
    expect(await ok(core, session, 'mandate.get')).toEqual({ startYear: 2026, endYear: 2032, installedOn: null })
  })

  it('mandate.update accepts seven years (elections postponed) and audits both years', async () => {
    const { core, session } = setUp()
    expect(await ok(core, session, 'mandate.update', { startYear: 2027, endYear: 2034 })).toEqual({
      startYear: 2027,
      endYear: 2034,
      installedOn: null,
    })
    expect(await ok(core, session, 'mandate.get')).toEqual({ startYear: 2027, endYear: 2034, installedOn: null })
    const trail = auditRows(core.database.sqlite, { entity: 'mandate' }).filter((r) => r.action === 'update')
    expect(trail.map((r) => [r.field, r.before, r.after, r.profileName])).toEqual([
      ['startYear', 2026, 2027, 'Secrétariat'],
      ['endYear', 2032, 2034, 'Secrétariat'],
    ])
  })

  it('mandate.update records the installation date, keeps it when the field is absent, and audits it', async () => {
    const { core, session } = setUp()
    expect(await ok(core, session, 'mandate.update', { startYear: 2026, endYear: 2032, installedOn: '2026-03-27' })).toEqual({
      startYear: 2026,
      endYear: 2032,
      installedOn: '2026-03-27',
    })
    // A caller that does not know the field (an older screen) does not erase it.
    expect(await ok(core, session, 'mandate.update', { startYear: 2026, endYear: 2032 })).toMatchObject({ installedOn: '2026-03-27' })
    expect(await ok(core, session, 'mandate.get')).toEqual({ startYear: 2026, endYear: 2032, installedOn: '2026-03-27' })
    const trail = auditRows(core.database.sqlite, { entity: 'mandate' }).filter((r) => r.action === 'update')
    expect(trail.map((r) => [r.field, r.before, r.after])).toEqual([['installedOn', null, '2026-03-27']])
    // null clears it.
    expect(await ok(core, session, 'mandate.update', { startYear: 2026, endYear: 2032, installedOn: null })).toMatchObject({ installedOn: null })
  })

  it.each([
    ['2026-02-30', "La date d'installation du conseil n'est pas valide (format AAAA-MM-JJ, exemple : 2026-03-27)."],
    ['27/03/2026', "La date d'installation du conseil n'est pas valide (format AAAA-MM-JJ, exemple : 2026-03-27)."],
    ['2028-03-27', "Le conseil est installé l'année du début du mandat ou l'année suivante : vérifiez la date d'installation."],
    ['2025-12-31', "Le conseil est installé l'année du début du mandat ou l'année suivante : vérifiez la date d'installation."],
  ])('mandate.update refuses the installation date %s in French, and writes nothing', async (installedOn, message) => {
    const { core, session } = setUp()
    const error = await failure(core, session, 'mandate.update', { startYear: 2026, endYear: 2032, installedOn })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues).toContainEqual({ path: 'installedOn', message })
    expect(await ok(core, session, 'mandate.get')).toEqual({ startYear: 2026, endYear: 2032, installedOn: null })
    expect(auditRows(core.database.sqlite, { entity: 'mandate' }).filter((r) => r.action === 'update')).toEqual([])
  })

  it('mandate.update accepts an installation the year after the start (2027 for 2026)', async () => {
    const { core, session } = setUp()
    expect(await ok(core, session, 'mandate.update', { startYear: 2026, endYear: 2032, installedOn: '2027-01-15' })).toMatchObject({
      installedOn: '2027-01-15',
    })
  })

  it('mandate.update is for administrators only', async () => {
    const test = setUp()
    await signInAsPlainProfile(test)
    expect((await failure(test.core, test.session, 'mandate.update', { startYear: 2026, endYear: 2031 })).code).toBe('FORBIDDEN')
    expect(await ok(test.core, test.session, 'mandate.get')).toEqual({ startYear: 2026, endYear: 2032, installedOn: null })
  })
})

describe('commune', () => {
  it('commune.get is readable by any signed-in profile, not by an anonymous window', async () => {
    const test = setUp()
    await signInAsPlainProfile(test)
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
    await signInAsPlainProfile(test)
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
