import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

const setUp = setUpCorePerTest('themes', { now: () => new Date('2026-05-04T10:00:00.000Z'), referentielFile: FIXTURE_REFERENTIEL_FILE })

async function memberId({ core, session }: TestCore, lastName: string): Promise<number> {
  return (await ok(core, session, 'members.list')).find((m) => m.lastName === lastName)!.id
}

describe('themes.assign', () => {
  it('an administrator links anyone to a theme, changes the link and removes it, each step audited', async () => {
    const test = setUp()
    const { core, session } = test
    const paul = await memberId(test, 'Bernard')
    await ok(core, session, 'themes.assign', { memberId: paul, themeId: 'finances', link: 'interet' })
    await ok(core, session, 'themes.assign', { memberId: paul, themeId: 'finances', link: 'delegation' })
    await ok(core, session, 'themes.assign', { memberId: paul, themeId: 'risques', link: 'interet' })
    expect(await ok(core, session, 'themes.assignments')).toEqual([
      { memberId: paul, themeId: 'finances', link: 'delegation' },
      { memberId: paul, themeId: 'risques', link: 'interet' },
    ])
    await ok(core, session, 'themes.assign', { memberId: paul, themeId: 'risques', link: null })
    // Removing a link that does not exist is harmless.
    await ok(core, session, 'themes.assign', { memberId: paul, themeId: 'risques', link: null })
    expect(await ok(core, session, 'themes.assignments')).toEqual([{ memberId: paul, themeId: 'finances', link: 'delegation' }])
    const trail = auditRows(core.database.sqlite, { entity: 'themeAssignment' })
    expect(trail.map((r) => [r.action, r.field, r.before, r.after === null ? null : r.action === 'update' ? r.after : 'row', r.profileName])).toEqual(
      [
        ['create', null, null, 'row', 'Secrétariat'],
        ['update', 'link', 'interet', 'delegation', 'Secrétariat'],
        ['create', null, null, 'row', 'Secrétariat'],
        ['delete', null, expect.objectContaining({ themeId: 'risques', link: 'interet' }), null, 'Secrétariat'],
      ],
    )
  })

  it('an élu changes their own links, not anyone else’s (FORBIDDEN, in French, nothing written)', async () => {
    const test = setUp()
    const { core, session } = test
    const paul = await memberId(test, 'Bernard')
    const sophie = await memberId(test, 'Durand')
    await signInAsElu(core, session, 'Paul Bernard', paul)
    await ok(core, session, 'themes.assign', { memberId: paul, themeId: 'conseil-municipal', link: 'interet' })
    const error = await failure(core, session, 'themes.assign', { memberId: sophie, themeId: 'ecole', link: 'delegation' })
    expect(error).toEqual({
      code: 'FORBIDDEN',
      message: "Vous ne pouvez modifier que vos propres thèmes. Pour ceux d'une autre personne, demandez à l'administrateur de Cap Commune.",
    })
    expect(await ok(core, session, 'themes.assignments')).toEqual([{ memberId: paul, themeId: 'conseil-municipal', link: 'interet' }])
    expect(auditRows(core.database.sqlite, { entity: 'themeAssignment' }).map((r) => r.profileName)).toEqual(['Paul Bernard'])
  })

  it('a profile without a member cannot change links either', async () => {
    const test = setUp()
    const paul = await memberId(test, 'Bernard')
    await signInAsElu(test.core, test.session, 'Invité')
    expect((await failure(test.core, test.session, 'themes.assign', { memberId: paul, themeId: 'ecole', link: 'interet' })).code).toBe('FORBIDDEN')
  })

  it('refuses an unknown theme or member (NOT_FOUND) and a bad link (INVALID_INPUT), in French', async () => {
    const test = setUp()
    const { core, session } = test
    const paul = await memberId(test, 'Bernard')
    expect(await failure(core, session, 'themes.assign', { memberId: paul, themeId: 'piscine', link: 'interet' })).toEqual({
      code: 'NOT_FOUND',
      message: "Ce thème n'existe pas dans le référentiel de Cap Commune.",
    })
    expect((await failure(core, session, 'themes.assign', { memberId: 999, themeId: 'ecole', link: 'interet' })).code).toBe('NOT_FOUND')
    const bad = await failure(core, session, 'themes.assign', { memberId: paul, themeId: 'ecole', link: 'passion' })
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', message: 'Le lien doit être « délégation » ou « intérêt ».' })
    expect(await ok(core, session, 'themes.assignments')).toEqual([])
  })

  it('the links go with the member when the member leaves the team', async () => {
    const test = setUp()
    const { core, session } = test
    const paul = await memberId(test, 'Bernard')
    await ok(core, session, 'themes.assign', { memberId: paul, themeId: 'finances', link: 'delegation' })
    await ok(core, session, 'members.remove', { id: paul })
    expect(await ok(core, session, 'themes.assignments')).toEqual([])
  })
})
