import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { TempDirs, createSetUpTemplate, createTestCore, dataDirFrom, failure, ok, type TestCore } from '../testing'

const templates = new TempDirs('cap-commune-session-template-')
const temp = new TempDirs('cap-commune-session-')
const opened: Core[] = []
let template: string

beforeAll(async () => {
  template = await createSetUpTemplate(templates.make())
})
afterAll(() => templates.cleanup())
afterEach(() => {
  for (const core of opened.splice(0)) core.close()
  temp.cleanup()
})

function start(dataDir: string): TestCore {
  const test = createTestCore(dataDir)
  opened.push(test.core)
  return test
}

/** Quits the app and launches it again on the same data. */
function restart(test: TestCore): TestCore {
  test.core.close()
  opened.splice(opened.indexOf(test.core), 1)
  return start(test.dataDir)
}

function setUp(): TestCore {
  return start(dataDirFrom(template, join(temp.make(), 'data')))
}

describe('the profile opened at launch', () => {
  it('is the last profile used when it has no password', async () => {
    const test = setUp()
    const admin = test.session.profileId
    expect(admin).not.toBeNull()
    expect(restart(test).session.profileId).toBe(admin)
  })

  it('is none as soon as there are several profiles: the chooser is shown, never the last person silently', async () => {
    const test = setUp()
    const elu = await ok(test.core, test.session, 'profiles.create', { displayName: 'Élu' })
    await ok(test.core, { profileId: null }, 'session.open', { profileId: elu.id })
    expect(test.core.newSession().profileId).toBeNull()
    const relaunched = restart(test)
    expect(relaunched.session.profileId).toBeNull()
    expect((await ok(relaunched.core, relaunched.session, 'app.status')).profiles.map((p) => p.displayName)).toEqual(['Élu', 'Secrétariat'])
    // Back to one profile: it opens at once again.
    await ok(relaunched.core, relaunched.session, 'session.open', { profileId: test.session.profileId! })
    await ok(relaunched.core, relaunched.session, 'profiles.remove', { id: elu.id })
    expect(restart(relaunched).session.profileId).toBe(test.session.profileId)
  })

  it('is none when the last profile has a password: it is asked for', async () => {
    const test = setUp()
    await ok(test.core, test.session, 'profiles.setPassword', { id: test.session.profileId!, newPassword: 'Mairie-2026' })
    expect(test.core.newSession().profileId).toBeNull()
    const relaunched = restart(test)
    expect(relaunched.session.profileId).toBeNull()
    expect((await ok(relaunched.core, relaunched.session, 'app.status')).activeProfileId).toBeNull()
    expect((await failure(relaunched.core, relaunched.session, 'members.list', {})).code).toBe('NOT_SIGNED_IN')
  })

  it('is none when the last profile was removed', async () => {
    const test = setUp()
    const elu = await ok(test.core, test.session, 'profiles.create', { displayName: 'Élu' })
    await ok(test.core, { profileId: null }, 'session.open', { profileId: elu.id })
    await ok(test.core, test.session, 'profiles.remove', { id: elu.id })
    expect(test.core.newSession().profileId).toBeNull()
  })
})

describe('sessions', () => {
  it('session.close signs the window out, and only that window', async () => {
    const { core, session } = setUp()
    const other = core.newSession()
    expect(await ok(core, session, 'session.close')).toEqual({ ok: true })
    expect(await ok(core, session, 'session.get')).toEqual({ profile: null })
    expect((await ok(core, session, 'app.status')).activeProfileId).toBeNull()
    expect((await failure(core, session, 'commune.get', {})).code).toBe('NOT_SIGNED_IN')
    expect((await ok(core, other, 'session.get')).profile).not.toBeNull()
  })

  it('session.open on a profile that does not exist → NOT_FOUND, the window stays as it was', async () => {
    const { core, session } = setUp()
    const before = session.profileId
    expect((await failure(core, session, 'session.open', { profileId: 999 })).code).toBe('NOT_FOUND')
    expect(session.profileId).toBe(before)
  })

  it('app.status lists the profiles offered on the « who are you? » screen, without their secrets', async () => {
    const { core, session } = setUp()
    await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', password: 'Conseil-2026' })
    const status = await ok(core, { profileId: null }, 'app.status')
    expect(status).toMatchObject({ setupDone: true, version: '0.0.0-test', activeProfileId: null })
    expect(status.profiles).toEqual([
      { id: expect.any(Number), displayName: 'Claire Martin', hasPassword: true, isAdmin: false },
      { id: session.profileId, displayName: 'Secrétariat', hasPassword: false, isAdmin: true },
    ])
    expect(JSON.stringify(status)).not.toContain('scrypt')
  })
})
