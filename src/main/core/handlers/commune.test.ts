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
