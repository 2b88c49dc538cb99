import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const NOW = '2026-05-04T10:00:00.000Z'
/** Faux-Villecerf set up, the window signed in as its administrator « Secrétariat ». */
const setUp = setUpCorePerTest('members', { now: () => new Date(NOW) })

/** A second administrator, signed in: the author of what follows. */
async function signInAsClaire({ core, session }: TestCore): Promise<number> {
  const members = await ok(core, session, 'members.list')
  const maire = members.find((m) => m.role === 'maire')!
  const profile = await ok(core, session, 'profiles.create', { displayName: 'Claire Martin', memberId: maire.id, isAdmin: true })
  await ok(core, session, 'session.open', { profileId: profile.id })
  return profile.id
}

describe('members.list', () => {
  it('lists the team in council order: maire, adjoints by rank, then the others', async () => {
    const { core, session } = setUp()
    const members = await ok(core, session, 'members.list')
    expect(members.map((m) => `${m.role}${m.rank ? ` ${m.rank}` : ''} ${m.lastName}`)).toEqual([
      'maire Martin',
      'adjoint 1 Bernard',
      'adjoint 2 Durand',
      'adjoint 3 Petit',
      'conseiller_municipal Leroy',
      'secretaire_mairie Moreau',
    ])
  })

  it('is refused to a window where nobody is signed in', async () => {
    const { core } = setUp()
    expect((await failure(core, { profileId: null }, 'members.list', {})).code).toBe('NOT_SIGNED_IN')
  })
})

describe('civility', () => {
  it('is kept as given, Madame or Monsieur, may stay unsaid, and anything else is refused in French', async () => {
    const { core, session } = setUp()
    const sophie = await ok(core, session, 'members.create', {
      civility: 'madame',
      firstName: 'Sophie',
      lastName: 'Lenoir',
      role: 'conseiller_municipal',
    })
    expect(sophie.civility).toBe('madame')
    const luc = await ok(core, session, 'members.create', { firstName: 'Luc', lastName: 'Roy', role: 'conseiller_municipal' })
    expect(luc.civility).toBeNull()
    const updated = await ok(core, session, 'members.update', { ...luc, civility: 'monsieur' })
    expect(updated.civility).toBe('monsieur')
    for (const civility of ['Madame', 'mademoiselle', 'x'.repeat(5000), 1]) {
      const refused = await failure(core, session, 'members.create', { civility, firstName: 'A', lastName: 'B', role: 'conseiller_municipal' })
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Choisissez Madame ou Monsieur.') })
    }
    expect((await ok(core, session, 'members.list')).find((m) => m.id === sophie.id)!.civility).toBe('madame')
  })
})

describe('members.create', () => {
  it('adds the person and records who did it in the audit trail', async () => {
    const test = setUp()
    const { core, session } = test
    const claireId = await signInAsClaire(test)
    const created = await ok(core, session, 'members.create', {
      firstName: ' Anne ',
      lastName: 'Lemoine',
      role: 'conseiller_delegue',
      delegation: 'Cimetière',
      email: 'anne.lemoine@faux-villecerf.fr',
      phone: '06 12 34 56 78',
    })
    expect(created).toMatchObject({
      firstName: 'Anne',
      lastName: 'Lemoine',
      role: 'conseiller_delegue',
      delegation: 'Cimetière',
      createdAt: NOW,
      updatedAt: NOW,
    })
    expect((await ok(core, session, 'members.list')).map((m) => m.id)).toContain(created.id)

    const rows = auditRows(core.database.sqlite, { entity: 'member', entityId: created.id })
    expect(rows).toEqual([
      {
        at: NOW,
        profileId: claireId,
        profileName: 'Claire Martin',
        entity: 'member',
        entityId: String(created.id),
        action: 'create',
        field: null,
        before: null,
        after: expect.objectContaining({ firstName: 'Anne', lastName: 'Lemoine', email: 'anne.lemoine@faux-villecerf.fr' }),
      },
    ])
  })

  it('gives a new adjoint the next free rank and drops the délégation of a role without one', async () => {
    const { core, session } = setUp()
    const adjoint = await ok(core, session, 'members.create', { firstName: 'Hugo', lastName: 'Garnier', role: 'adjoint', delegation: 'Sports' })
    expect(adjoint.rank).toBe(4)
    const agent = await ok(core, session, 'members.create', {
      firstName: 'Léa',
      lastName: 'Fournier',
      role: 'agent_technique',
      delegation: 'Espaces verts',
      rank: 2,
    })
    expect(agent).toMatchObject({ rank: null, delegation: '' })
  })

  it('refuses a second maire and an adjoint at a rank already taken, and writes nothing', async () => {
    const { core, session } = setUp()
    const before = (await ok(core, session, 'members.list')).length
    const maire = await failure(core, session, 'members.create', { firstName: 'Anne', lastName: 'Lemoine', role: 'maire' })
    expect(maire.code).toBe('CONFLICT')
    expect(maire.message).toContain("qu'un seul maire")
    const rank = await failure(core, session, 'members.create', { firstName: 'Anne', lastName: 'Lemoine', role: 'adjoint', rank: 2 })
    expect(rank.code).toBe('CONFLICT')
    expect(rank.message).toContain('Sophie Durand')
    expect((await ok(core, session, 'members.list')).length).toBe(before)
    expect(auditRows(core.database.sqlite, { entity: 'member' })).toHaveLength(before)
  })

  it('is refused to a profile that is not an administrator', async () => {
    const { core, session } = setUp()
    const profile = await ok(core, session, 'profiles.create', { displayName: 'Élu', isAdmin: false })
    await ok(core, session, 'session.open', { profileId: profile.id })
    expect((await failure(core, session, 'members.create', { firstName: 'A', lastName: 'B', role: 'autre_agent' })).code).toBe('FORBIDDEN')
  })
})

describe('members.update', () => {
  it('writes one audit row per changed field, with the value before and after', async () => {
    const test = setUp()
    const { core, session } = test
    const bernard = (await ok(core, session, 'members.list')).find((m) => m.lastName === 'Bernard')!
    const claireId = await signInAsClaire(test)

    const updated = await ok(core, session, 'members.update', {
      ...bernard,
      delegation: 'Voirie et chemins ruraux',
      email: 'paul.bernard@faux-villecerf.fr',
    })
    expect(updated).toMatchObject({ id: bernard.id, delegation: 'Voirie et chemins ruraux', email: 'paul.bernard@faux-villecerf.fr', updatedAt: NOW })
    expect(updated.createdAt).toBe(bernard.createdAt)

    const rows = auditRows(core.database.sqlite, { entity: 'member', entityId: bernard.id }).filter((r) => r.action === 'update')
    expect(rows.map(({ field, before, after, profileId, profileName }) => ({ field, before, after, profileId, profileName }))).toEqual([
      { field: 'delegation', before: 'Voirie', after: 'Voirie et chemins ruraux', profileId: claireId, profileName: 'Claire Martin' },
      { field: 'email', before: '', after: 'paul.bernard@faux-villecerf.fr', profileId: claireId, profileName: 'Claire Martin' },
    ])
  })

  it('records nothing when nothing changed', async () => {
    const { core, session } = setUp()
    const bernard = (await ok(core, session, 'members.list')).find((m) => m.lastName === 'Bernard')!
    const before = auditRows(core.database.sqlite).length
    await ok(core, session, 'members.update', { ...bernard })
    expect(auditRows(core.database.sqlite)).toHaveLength(before)
  })

  it('lets the maire keep the role, but not a second person take it', async () => {
    const { core, session } = setUp()
    const team = await ok(core, session, 'members.list')
    const maire = team.find((m) => m.role === 'maire')!
    await ok(core, session, 'members.update', { ...maire, phone: '03 25 00 00 02' })
    const leroy = team.find((m) => m.lastName === 'Leroy')!
    expect((await failure(core, session, 'members.update', { ...leroy, role: 'maire' })).code).toBe('CONFLICT')
    expect((await ok(core, session, 'members.list')).find((m) => m.id === leroy.id)!.role).toBe('conseiller_municipal')
  })

  it('an unknown id → NOT_FOUND', async () => {
    const { core, session } = setUp()
    const error = await failure(core, session, 'members.update', { id: 999, firstName: 'A', lastName: 'B', role: 'autre_agent' })
    expect(error.code).toBe('NOT_FOUND')
  })
})

describe('members.remove', () => {
  it('removes the person and keeps every value it had in the audit trail', async () => {
    const test = setUp()
    const { core, session } = test
    const petit = (await ok(core, session, 'members.list')).find((m) => m.lastName === 'Petit')!
    const claireId = await signInAsClaire(test)
    expect(await ok(core, session, 'members.remove', { id: petit.id })).toEqual({ ok: true })

    expect((await ok(core, session, 'members.list')).map((m) => m.id)).not.toContain(petit.id)
    const [row] = auditRows(core.database.sqlite, { entity: 'member', entityId: petit.id }).filter((r) => r.action === 'delete')
    expect(row).toMatchObject({ profileId: claireId, profileName: 'Claire Martin', field: null, after: null })
    expect(row!.before).toMatchObject({ firstName: 'Jean', lastName: 'Petit', role: 'adjoint', rank: 3, delegation: 'Finances' })
  })

  it('keeps the profile of a removed person, without the link', async () => {
    const { core, session } = setUp()
    const { profile } = await ok(core, session, 'session.get')
    expect(profile!.memberId).not.toBeNull()
    await ok(core, session, 'members.remove', { id: profile!.memberId! })
    expect((await ok(core, session, 'session.get')).profile).toMatchObject({ id: profile!.id, memberId: null, isAdmin: true })
    // The unlinking is in the trail too, not only the removal.
    const unlink = auditRows(core.database.sqlite, { entity: 'profile', entityId: profile!.id }).find((r) => r.field === 'memberId')
    expect(unlink).toMatchObject({ action: 'update', before: profile!.memberId, after: null })
  })

  it('an unknown id → NOT_FOUND, nothing written', async () => {
    const { core, session } = setUp()
    const before = auditRows(core.database.sqlite).length
    expect((await failure(core, session, 'members.remove', { id: 999 })).code).toBe('NOT_FOUND')
    expect(auditRows(core.database.sqlite)).toHaveLength(before)
  })
})
