import { randomBytes, scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok, testClock } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const start = testClock('2026-05-04T10:00:00.000Z')
const clock = { now: start.now, advance: (ms: number) => start.set(new Date(start.now().getTime() + ms).toISOString()) }
const setUp = setUpCorePerTest('sign-in', { now: clock.now })

/** A hash as the first versions made it (N = 2^15). */
function oldHash(password: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(password.normalize('NFC'), salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$')
}

describe('signing in with a password', () => {
  it('makes each wrong password after the third wait longer, writes each in the journal, and a right one clears it', async () => {
    const { core, session } = setUp()
    const profile = await ok(core, session, 'profiles.create', { displayName: 'Paul', password: 'bon-mot-de-passe' })
    const visitor = core.newSession()
    const attempt = (password: string) => core.invoke('session.open', { profileId: profile.id, password }, visitor)

    for (let i = 1; i <= 3; i++)
      expect((await attempt('mauvais')) as unknown).toMatchObject({ ok: false, error: { message: /^Mot de passe incorrect\. Vérifiez/ } })
    const fourth = await failure(core, visitor, 'session.open', { profileId: profile.id, password: 'mauvais' })
    expect(fourth.message).toBe('Mot de passe incorrect. Après 4 essais manqués, attendez 2 secondes avant de réessayer.')
    // While it waits, not even the right password is checked.
    const early = await failure(core, visitor, 'session.open', { profileId: profile.id, password: 'bon-mot-de-passe' })
    expect(early.message).toBe("Trop d'essais manqués pour ce profil : attendez 2 secondes avant de réessayer.")
    clock.advance(3_000)
    expect((await failure(core, visitor, 'session.open', { profileId: profile.id, password: 'mauvais' })).message).toMatch(/attendez 4 secondes/)
    clock.advance(5_000)
    expect((await attempt('bon-mot-de-passe')).ok).toBe(true)

    const journal = auditRows(core.database.sqlite, { entity: 'failedSignIn' })
    expect(journal.map((row) => (row.after as { attempts: number }).attempts)).toEqual([1, 2, 3, 4, 5])
    expect(journal.every((row) => row.profileName === 'Paul' && !JSON.stringify(row).includes('mauvais'))).toBe(true)
    // Cleared by the right one: the next mistake is free again.
    visitor.profileId = null
    expect((await failure(core, visitor, 'session.open', { profileId: profile.id, password: 'mauvais' })).message).toMatch(
      /^Mot de passe incorrect\. Vérifiez/,
    )
  }, 60_000)

  it('rehashes an old, cheaper hash at the next right sign-in', async () => {
    const { core, session } = setUp()
    const profile = await ok(core, session, 'profiles.create', { displayName: 'Sophie' })
    core.database.sqlite.prepare('UPDATE profiles SET password_hash = ? WHERE id = ?').run(oldHash('ancien-secret'), profile.id)
    await ok(core, core.newSession(), 'session.open', { profileId: profile.id, password: 'ancien-secret' })
    const hash = core.database.sqlite.prepare('SELECT password_hash FROM profiles WHERE id = ?').pluck().get(profile.id) as string
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true)
    await ok(core, core.newSession(), 'session.open', { profileId: profile.id, password: 'ancien-secret' })
  }, 60_000)

  it('hashes off the main thread: other calls are answered meanwhile', async () => {
    const { core, session } = setUp()
    const profile = await ok(core, session, 'profiles.create', { displayName: 'Jean', password: 'un-secret-long' })
    const order: string[] = []
    const signIn = core
      .invoke('session.open', { profileId: profile.id, password: 'un-secret-long' }, core.newSession())
      .then(() => order.push('session.open'))
    const status = core.invoke('app.status', {}, session).then(() => order.push('app.status'))
    await Promise.all([signIn, status])
    expect(order).toEqual(['app.status', 'session.open'])
  }, 60_000)

  it('asks everyone, administrators included, for their current password to change their own', async () => {
    const { core, session } = setUp()
    const me = (await ok(core, session, 'session.get')).profile!
    expect(me.isAdmin).toBe(true)
    await ok(core, session, 'profiles.setPassword', { id: me.id, newPassword: 'premier-secret' })
    const without = await failure(core, session, 'profiles.setPassword', { id: me.id, newPassword: 'second-secret' })
    expect(without.message).toBe('Saisissez votre mot de passe actuel pour le changer.')
    const wrong = await failure(core, session, 'profiles.setPassword', { id: me.id, currentPassword: 'faux', newPassword: 'second-secret' })
    expect(wrong.code).toBe('WRONG_PASSWORD')
    await ok(core, session, 'profiles.setPassword', { id: me.id, currentPassword: 'premier-secret', newPassword: 'second-secret' })
  }, 60_000)
})
