import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyPassword } from '../security/passwords'
import { auditRows, failure, ok, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

/** Faux-Villecerf set up, signed in as « Secrétariat », the only administrator, tied to Luc Moreau. */
const setUp = setUpCorePerTest('profiles')

async function memberId({ core, session }: TestCore, lastName: string): Promise<number> {
  return (await ok(core, session, 'members.list')).find((m) => m.lastName === lastName)!.id
}

describe('passwords', () => {
  const password = 'Conseil-2026!'

  it('are stored as scrypt hashes, never in clear, never in the audit trail', async () => {
    const test = setUp()
    const { core, session, dataDir } = test
    const profile = await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', memberId: await memberId(test, 'Martin'), password })
    expect(profile).toMatchObject({ displayName: 'Claire Martin', hasPassword: true, isAdmin: false })
    expect(profile).not.toHaveProperty('passwordHash')

    const hash = core.database.sqlite.prepare('SELECT password_hash FROM profiles WHERE id = ?').pluck().get(profile.id) as string
    // OWASP's current scrypt cost.
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true)
    expect(hash).not.toContain(password)
    expect(await verifyPassword(password, hash)).toBe(true)
    expect(await verifyPassword('conseil-2026!', hash)).toBe(false)

    const trail = JSON.stringify(auditRows(core.database.sqlite, { entity: 'profile' }))
    expect(trail).not.toContain(password)
    expect(trail).not.toContain(hash.split('$').at(-1)!)
    expect(auditRows(core.database.sqlite, { entity: 'profile', entityId: profile.id })[0]!.after).toEqual({
      displayName: 'Claire Martin',
      memberId: profile.memberId,
      isAdmin: false,
      hasPassword: true,
    })

    // Nowhere in the file either, once the app is closed.
    core.close()
    expect(readFileSync(join(dataDir, 'cap-commune.sqlite')).includes(Buffer.from(password))).toBe(false)
  })

  it('two profiles with the same password get different hashes (salted)', async () => {
    const { core, session } = setUp()
    const a = await ok(core, session, 'profiles.create', { displayName: 'A', password })
    const b = await ok(core, session, 'profiles.create', { displayName: 'B', password })
    const hashes = core.database.sqlite.prepare('SELECT password_hash FROM profiles WHERE id IN (?, ?)').pluck().all(a.id, b.id)
    expect(new Set(hashes).size).toBe(2)
  })

  it('session.open refuses a wrong or missing password with WRONG_PASSWORD, and accepts the right one', async () => {
    const { core, session } = setUp()
    const profile = await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', password })
    const window = { profileId: null }

    const missing = await failure(core, window, 'session.open', { profileId: profile.id })
    expect(missing).toEqual({ code: 'WRONG_PASSWORD', message: 'Saisissez le mot de passe de ce profil.' })
    const wrong = await failure(core, window, 'session.open', { profileId: profile.id, password: 'conseil-2026!' })
    expect(wrong.code).toBe('WRONG_PASSWORD')
    expect(wrong.message).toMatch(/Mot de passe incorrect/)
    expect(window.profileId).toBeNull()
    expect(core.database.sqlite.prepare('SELECT last_sign_in_at FROM profiles WHERE id = ?').pluck().get(profile.id)).toBeNull()

    const opened = await ok(core, window, 'session.open', { profileId: profile.id, password })
    expect(opened.profile).toMatchObject({ id: profile.id, displayName: 'Claire Martin' })
    expect(opened.profile!.lastSignInAt).not.toBeNull()
    expect(window.profileId).toBe(profile.id)
  })

  it('a profile changes its own password only with the current one; an administrator may reset any', async () => {
    const { core, session } = setUp()
    const claire = await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', password })
    const paul = await ok(core, session, 'profiles.create', { displayName: 'Paul Bernard' })
    const window = { profileId: null }
    await ok(core, window, 'session.open', { profileId: claire.id, password })

    const wrong = await failure(core, window, 'profiles.setPassword', { id: claire.id, currentPassword: 'pas le bon', newPassword: 'nouveau-mdp' })
    expect(wrong.code).toBe('WRONG_PASSWORD')
    const other = await failure(core, window, 'profiles.setPassword', { id: paul.id, newPassword: 'nouveau-mdp' })
    expect(other.code).toBe('FORBIDDEN')
    await ok(core, window, 'profiles.setPassword', { id: claire.id, currentPassword: password, newPassword: 'nouveau-mdp' })
    expect((await failure(core, { profileId: null }, 'session.open', { profileId: claire.id, password })).code).toBe('WRONG_PASSWORD')
    await ok(core, { profileId: null }, 'session.open', { profileId: claire.id, password: 'nouveau-mdp' })

    // The administrator resets it without knowing it, and may remove it.
    await ok(core, session, 'profiles.setPassword', { id: claire.id, newPassword: null })
    expect((await ok(core, session, 'profiles.list')).find((p) => p.id === claire.id)!.hasPassword).toBe(false)
    const trail = auditRows(core.database.sqlite, { entity: 'profile', entityId: claire.id }).filter((r) => r.action === 'update')
    // The change by Claire herself and the removal by the administrator both show; never the hash.
    expect(trail.map((r) => [r.field, r.before, r.after, r.profileName])).toEqual([
      ['password', 'défini', 'modifié', 'Claire Martin'],
      ['password', 'défini', 'aucun', 'Secrétariat'],
    ])
    // Seven scrypt hashes at OWASP's cost (about half a second each, more on a busy machine).
  }, 60_000)
})

describe('administrators', () => {
  it('the last administrator cannot remove itself', async () => {
    const { core, session } = setUp()
    const error = await failure(core, session, 'profiles.remove', { id: session.profileId })
    expect(error.code).toBe('CONFLICT')
    expect((await ok(core, session, 'profiles.list')).filter((p) => p.isAdmin)).toHaveLength(1)
  })

  it('nobody removes the profile they are using, even with another administrator left', async () => {
    const { core, session } = setUp()
    await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', isAdmin: true })
    const error = await failure(core, session, 'profiles.remove', { id: session.profileId })
    expect(error).toEqual({ code: 'CONFLICT', message: 'Vous ne pouvez pas supprimer le profil que vous utilisez en ce moment.' })
  })

  it('an administrator removes another one; the audit trail keeps what it was', async () => {
    const { core, session } = setUp()
    const claire = await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', isAdmin: true })
    await ok(core, session, 'profiles.remove', { id: claire.id })
    expect((await ok(core, session, 'profiles.list')).map((p) => p.displayName)).toEqual(['Secrétariat'])
    const removal = auditRows(core.database.sqlite, { entity: 'profile', entityId: claire.id }).find((r) => r.action === 'delete')
    expect(removal).toMatchObject({ before: { displayName: 'Claire Martin', isAdmin: true, hasPassword: false }, after: null })
  })

  it('the last administrator cannot be demoted; with another one it can', async () => {
    const { core, session } = setUp()
    const { profile: me } = await ok(core, session, 'session.get')
    const demote = { id: me!.id, displayName: me!.displayName, memberId: me!.memberId, isAdmin: false }
    const error = await failure(core, session, 'profiles.update', demote)
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toMatch(/au moins un profil administrateur/)
    expect((await ok(core, session, 'session.get')).profile!.isAdmin).toBe(true)

    await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', isAdmin: true })
    expect((await ok(core, session, 'profiles.update', demote)).isAdmin).toBe(false)
    // Now a plain profile: administrator methods are closed to it.
    expect((await failure(core, session, 'profiles.create', { displayName: 'X' })).code).toBe('FORBIDDEN')
  })

  it('a non-administrator cannot create, update or remove profiles', async () => {
    const { core, session } = setUp()
    const plain = await ok(core, session, 'profiles.create', { displayName: 'Élu' })
    const window = { profileId: null }
    await ok(core, window, 'session.open', { profileId: plain.id })
    expect((await failure(core, window, 'profiles.create', { displayName: 'X', isAdmin: true })).code).toBe('FORBIDDEN')
    expect((await failure(core, window, 'profiles.update', { id: plain.id, displayName: 'Élu', memberId: null, isAdmin: true })).code).toBe(
      'FORBIDDEN',
    )
    expect((await failure(core, window, 'profiles.remove', { id: session.profileId })).code).toBe('FORBIDDEN')
    // It may still read the list.
    expect((await ok(core, window, 'profiles.list')).length).toBe(2)
  })
})

describe('links between profiles and members', () => {
  it('a member already tied to a profile cannot be tied to a second one', async () => {
    const test = setUp()
    const { core, session } = test
    const moreau = await memberId(test, 'Moreau')
    const created = await failure(core, session, 'profiles.create', { displayName: 'Luc', memberId: moreau })
    expect(created.code).toBe('CONFLICT')
    expect(created.message).toContain('« Secrétariat »')

    const other = await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', memberId: await memberId(test, 'Martin') })
    const updated = await failure(core, session, 'profiles.update', { id: other.id, displayName: 'Claire Martin', memberId: moreau, isAdmin: false })
    expect(updated.code).toBe('CONFLICT')
    expect((await ok(core, session, 'profiles.list')).find((p) => p.id === other.id)!.memberId).toBe(await memberId(test, 'Martin'))
  })

  it('a profile keeps its own member when it is updated', async () => {
    const { core, session } = setUp()
    const { profile } = await ok(core, session, 'session.get')
    const updated = await ok(core, session, 'profiles.update', {
      id: profile!.id,
      displayName: 'Secrétariat de mairie',
      memberId: profile!.memberId,
      isAdmin: true,
    })
    expect(updated).toMatchObject({ displayName: 'Secrétariat de mairie', memberId: profile!.memberId })
    const trail = auditRows(core.database.sqlite, { entity: 'profile', entityId: profile!.id }).filter((r) => r.action === 'update')
    expect(trail.map((r) => [r.field, r.before, r.after])).toEqual([['displayName', 'Secrétariat', 'Secrétariat de mairie']])
  })

  it('a member that does not exist → NOT_FOUND', async () => {
    const { core, session } = setUp()
    expect((await failure(core, session, 'profiles.create', { displayName: 'X', memberId: 999 })).code).toBe('NOT_FOUND')
  })
})
