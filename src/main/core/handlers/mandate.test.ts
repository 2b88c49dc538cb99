import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { signInAsElu } from '../testing/referentiel'

const setUp = setUpCorePerTest('mandate')

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
    await signInAsElu(test.core, test.session, 'Élu')
    expect((await failure(test.core, test.session, 'mandate.update', { startYear: 2026, endYear: 2031 })).code).toBe('FORBIDDEN')
    expect(await ok(test.core, test.session, 'mandate.get')).toEqual({ startYear: 2026, endYear: 2032, installedOn: null })
  })
})
