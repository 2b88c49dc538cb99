import { afterEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../../shared/contract'
import { agentsInTeam, defaultProfile, USUAL_TRANSFERS } from '../../../shared/referentiel/profile-defaults'
import type { Core } from '../core'
import { FAUX_VILLECERF, TempDirs, auditRows, createTestCore, failure, fauxVillecerfSetup, ok, tableCounts, type TestCore } from '../testing'

const temp = new TempDirs('cap-commune-setup-')
const opened: Core[] = []
afterEach(() => {
  for (const core of opened.splice(0)) core.close()
  temp.cleanup()
})

function newCore(): TestCore {
  const test = createTestCore(temp.make())
  opened.push(test.core)
  return test
}

type SetupMember = MethodInput<'setup.complete'>['members'][number]

/** The team with `bad` in the middle. */
function teamWith(bad: SetupMember): SetupMember[] {
  const team = fauxVillecerfSetup().members
  return [...team.slice(0, 3), bad, ...team.slice(3)]
}

function expectNothingWritten({ core }: TestCore): void {
  const { __drizzle_migrations: _journal, ...counts } = tableCounts(core.database.sqlite)
  // Every user table, whatever later migrations add, is empty.
  expect(Object.keys(counts)).toEqual(expect.arrayContaining(['audit_log', 'commune', 'mandates', 'members', 'profiles', 'settings']))
  expect(Object.entries(counts).filter(([, n]) => n !== 0)).toEqual([])
}

describe('setup.complete', () => {
  it('makes the first backup at once, so that a new commune is never left without one', async () => {
    const test = newCore()
    const { core, session } = test
    const changed: string[][] = []
    core.onEvent((event, payload) => {
      if (event === 'data.changed') changed.push([...(payload as { domains: string[] }).domains])
    })
    await ok(core, session, 'setup.complete', fauxVillecerfSetup())
    await expect.poll(async () => (await ok(core, session, 'backups.list')).length, { timeout: 15_000 }).toBe(1)
    const [first] = await ok(core, session, 'backups.list')
    expect(first).toMatchObject({ kind: 'quotidienne', communeName: 'Faux-Villecerf' })
    expect((await ok(core, session, 'backups.status')).warnings).toEqual([])
    // The home page's warning refreshes: the backup's end says the backups changed.
    expect(changed.some((domains) => domains.includes('backups'))).toBe(true)
  })

  it('« Sauvegarder maintenant » during the automatic backup waits for it instead of failing', async () => {
    const { core, session } = newCore()
    await ok(core, session, 'setup.complete', fauxVillecerfSetup())
    const automatic = core.data.backupNow('quotidienne', 'Automatique')
    const asked = await ok(core, session, 'backups.create')
    await automatic
    expect(asked.kind).toBe('manuelle')
    expect((await ok(core, session, 'backups.list')).map((b) => b.kind)).toEqual(expect.arrayContaining(['manuelle', 'quotidienne']))
  })

  it('fills the commune of Faux-Villecerf from the offline directory', async () => {
    const test = newCore()
    const { core, session } = test
    expect(await ok(core, session, 'setup.complete', fauxVillecerfSetup())).toEqual({ ok: true })

    const commune = await ok(core, session, 'commune.get')
    expect(commune).toMatchObject({
      inseeCode: FAUX_VILLECERF.inseeCode,
      name: FAUX_VILLECERF.name,
      population: FAUX_VILLECERF.population,
      departementCode: FAUX_VILLECERF.departementCode,
      departementName: FAUX_VILLECERF.departementName,
      regionName: FAUX_VILLECERF.regionName,
      postalCodes: [FAUX_VILLECERF.postalCode],
      siren: FAUX_VILLECERF.siren,
      epci: { name: FAUX_VILLECERF.epciName },
    })
    expect(commune.source).toMatch(/INSEE/)
    expect(await ok(core, session, 'mandate.get')).toEqual({ startYear: 2026, endYear: 2032, installedOn: null })
  })

  it('saves the profile step: the defaults of the wizard, not « vérifié » until confirmed, and the population totale', async () => {
    const { core, session } = newCore()
    const team = fauxVillecerfSetup().members
    const answers = defaultProfile({ epciKind: 'CC', team })
    await ok(
      core,
      session,
      'setup.complete',
      fauxVillecerfSetup({ profile: { answers, reviewed: false }, population: { populationTotale: 221, year: 2026 } }),
    )

    const profile = await ok(core, session, 'communeProfile.get')
    expect(profile.facilities.erp).toBe(true)
    expect(profile.agentsHeadcount).toBe(agentsInTeam(team))
    expect(profile.transferredCompetences).toEqual([...USUAL_TRANSFERS.CC])
    expect(await ok(core, session, 'commune.get')).toMatchObject({
      population: FAUX_VILLECERF.population,
      populationTotale: 221,
      populationTotaleYear: 2026,
    })
    // Left « pour plus tard »: the home page's first step is still to do, the diagnostic says it rests on defaults.
    expect((await ok(core, session, 'onboarding.get')).communeProfile).toBe(false)
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    expect((await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })).profileReviewed).toBe(false)
    // Saved in Paramètres: reviewed.
    await ok(core, session, 'communeProfile.update', profile)
    expect((await ok(core, session, 'onboarding.get')).communeProfile).toBe(true)
    expect((await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })).profileReviewed).toBe(true)
  })

  it('a profile confirmed in the wizard is « vérifié » at once', async () => {
    const { core, session } = newCore()
    const answers = defaultProfile({ epciKind: 'CA', team: [] })
    await ok(core, session, 'setup.complete', fauxVillecerfSetup({ profile: { answers, reviewed: true } }))
    expect((await ok(core, session, 'onboarding.get')).communeProfile).toBe(true)
    expect((await ok(core, session, 'communeProfile.get')).transferredCompetences).toContain('eau')
    // No population entered: the municipale stands in.
    expect((await ok(core, session, 'commune.get')).populationTotale).toBeNull()
  })

  it('refuses a hostile profile with a French message and writes nothing', async () => {
    const test = newCore()
    const input = { ...fauxVillecerfSetup(), profile: { answers: { agentsHeadcount: -3, transferredCompetences: ['police'] }, reviewed: true } }
    const error = await failure(test.core, test.session, 'setup.complete', input as never)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/négatif|compétence/)
    expectNothingWritten(test)
  })

  it('signs in the administrator it creates, remembers it, and ties it to the chosen member', async () => {
    const { core, session } = newCore()
    expect(session.profileId).toBeNull()
    await ok(core, session, 'setup.complete', fauxVillecerfSetup())

    const status = await ok(core, session, 'app.status')
    expect(status.setupDone).toBe(true)
    expect(status.profiles).toEqual([{ id: status.activeProfileId, displayName: 'Secrétariat', hasPassword: false, isAdmin: true }])
    const { profile } = await ok(core, session, 'session.get')
    expect(profile).toMatchObject({ displayName: 'Secrétariat', isAdmin: true, hasPassword: false })
    const members = await ok(core, session, 'members.list')
    expect(members.find((m) => m.id === profile!.memberId)).toMatchObject({ firstName: 'Luc', lastName: 'Moreau' })
    // A window opened later finds the same profile (it has no password).
    expect(core.newSession().profileId).toBe(profile!.id)
  })

  it('numbers the adjoints 1, 2, 3 and drops délégations and ranks where the role carries none', async () => {
    const { core, session } = newCore()
    await ok(
      core,
      session,
      'setup.complete',
      fauxVillecerfSetup({
        members: [
          { firstName: 'Claire', lastName: 'Martin', role: 'maire', delegation: 'Tout', rank: 4 },
          { firstName: 'Paul', lastName: 'Bernard', role: 'adjoint', delegation: 'Voirie' },
          { firstName: 'Sophie', lastName: 'Durand', role: 'adjoint', delegation: 'École', rank: 2 },
          { firstName: 'Jean', lastName: 'Petit', role: 'adjoint', delegation: 'Finances' },
          { firstName: 'Marie', lastName: 'Leroy', role: 'conseiller_municipal', delegation: 'Fêtes' },
          { firstName: 'Nina', lastName: 'Roux', role: 'conseiller_delegue', delegation: 'Jeunesse' },
          { firstName: 'Luc', lastName: 'Moreau', role: 'secretaire_mairie', delegation: 'Accueil', rank: 1 },
        ],
        administrator: { memberIndex: 0, displayName: 'Claire Martin' },
      }),
    )
    const members = await ok(core, session, 'members.list')
    expect(members.map((m) => [m.lastName, m.role, m.rank, m.delegation])).toEqual([
      ['Martin', 'maire', null, ''],
      ['Bernard', 'adjoint', 1, 'Voirie'],
      ['Durand', 'adjoint', 2, 'École'],
      ['Petit', 'adjoint', 3, 'Finances'],
      ['Roux', 'conseiller_delegue', null, 'Jeunesse'],
      ['Leroy', 'conseiller_municipal', null, ''],
      ['Moreau', 'secretaire_mairie', null, ''],
    ])
  })

  it('signs every row it writes in the audit trail with the new administrator', async () => {
    const { core, session } = newCore()
    await ok(core, session, 'setup.complete', fauxVillecerfSetup())
    const rows = auditRows(core.database.sqlite)
    expect(rows.map((r) => r.entity)).toEqual(['commune', 'mandate', 'member', 'member', 'member', 'member', 'member', 'member', 'profile'])
    for (const row of rows) {
      expect(row).toMatchObject({ action: 'create', profileId: session.profileId, profileName: 'Secrétariat', before: null })
    }
    expect(rows[0]!.after).toMatchObject({ name: 'Faux-Villecerf', inseeCode: '10145' })
  })

  it('keeps the administrator password only as a scrypt hash', async () => {
    const { core, session } = newCore()
    const password = 'Mairie-10290!'
    await ok(core, session, 'setup.complete', fauxVillecerfSetup({ administrator: { memberIndex: 5, displayName: 'Secrétariat', password } }))
    const hash = core.database.sqlite.prepare('SELECT password_hash FROM profiles').pluck().get() as string
    expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(hash).not.toContain(password)
    expect(JSON.stringify(auditRows(core.database.sqlite))).not.toContain(password)
    expect(JSON.stringify(auditRows(core.database.sqlite))).not.toContain(hash)
    // Protected: a new window asks for the password.
    expect(core.newSession().profileId).toBeNull()
  })

  it('emits data.changed for the session, the commune, its profile, the mandate, the members and the profiles', async () => {
    const { core, session } = newCore()
    const events: unknown[] = []
    core.onEvent((event, payload) => events.push({ event, payload }))
    await ok(core, session, 'setup.complete', fauxVillecerfSetup())
    expect(events).toEqual([
      { event: 'data.changed', payload: { domains: ['session', 'commune', 'communeProfile', 'mandate', 'members', 'profiles'] } },
    ])
  })
})

describe('setup.complete is all or nothing', () => {
  const badMembers: [string, SetupMember, string, string][] = [
    [
      'a 10,000-character name',
      { firstName: 'Anne', lastName: 'L'.repeat(10_000), role: 'conseiller_municipal' },
      'INVALID_INPUT',
      'members.3.lastName',
    ],
    [
      'a malformed e-mail',
      { firstName: 'Anne', lastName: 'Lemoine', role: 'conseiller_municipal', email: 'anne.lemoine@' },
      'INVALID_INPUT',
      'members.3.email',
    ],
    ['a second maire', { firstName: 'Anne', lastName: 'Lemoine', role: 'maire' }, 'CONFLICT', 'members.3.role'],
    ['two adjoints at the same rank', { firstName: 'Anne', lastName: 'Lemoine', role: 'adjoint', rank: 1 }, 'CONFLICT', 'members.'],
    ['an unknown role', { firstName: 'Anne', lastName: 'Lemoine', role: 'garde_champetre' as never }, 'INVALID_INPUT', 'members.3.role'],
  ]

  it.each(badMembers)('a team with %s in the middle leaves no commune, no member, no profile', async (_label, bad, code, path) => {
    const test = newCore()
    const { core, session } = test
    const input = fauxVillecerfSetup({
      members: [
        { firstName: 'Claire', lastName: 'Martin', role: 'maire' },
        { firstName: 'Paul', lastName: 'Bernard', role: 'adjoint', rank: 1 },
        { firstName: 'Sophie', lastName: 'Durand', role: 'adjoint' },
        bad,
        { firstName: 'Marie', lastName: 'Leroy', role: 'conseiller_municipal' },
        { firstName: 'Luc', lastName: 'Moreau', role: 'secretaire_mairie' },
      ],
    })
    const events: unknown[] = []
    core.onEvent((event) => events.push(event))
    const error = await failure(core, session, 'setup.complete', input)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(/[a-zà-ÿ]/)
    expect(error.issues?.some((issue) => issue.path.startsWith(path))).toBe(true)

    expectNothingWritten(test)
    expect(session.profileId).toBeNull()
    expect((await ok(core, session, 'app.status')).setupDone).toBe(false)
    expect(events).toEqual([])
    // Nothing half-written stands in the way: the corrected setup goes through.
    await ok(
      core,
      session,
      'setup.complete',
      fauxVillecerfSetup({ members: teamWith({ firstName: 'Anne', lastName: 'Lemoine', role: 'conseiller_municipal' }) }),
    )
    expect(tableCounts(core.database.sqlite).members).toBe(7)
  })

  it('a failure while writing, after the first rows, rolls everything back', async () => {
    const test = newCore()
    const { core, session } = test
    // A write that fails half-way (disk full, locked file…), simulated on the fourth member.
    core.database.sqlite.exec(
      "CREATE TRIGGER simulated_failure BEFORE INSERT ON members WHEN NEW.last_name = 'Panne' BEGIN SELECT RAISE(ABORT, 'disque plein'); END",
    )
    const error = await failure(
      core,
      session,
      'setup.complete',
      fauxVillecerfSetup({ members: teamWith({ firstName: 'Anne', lastName: 'Panne', role: 'conseiller_municipal' }) }),
    )
    expect(error.code).toBe('INTERNAL')
    expect(error.message).not.toContain('disque plein')
    expect(test.logs).toHaveLength(1)
    expectNothingWritten(test)
    expect(session.profileId).toBeNull()
  })

  it('an administrator pointing outside the team is refused before anything is written', async () => {
    const test = newCore()
    const error = await failure(
      test.core,
      test.session,
      'setup.complete',
      fauxVillecerfSetup({ administrator: { memberIndex: 6, displayName: 'Secrétariat' } }),
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues).toEqual([{ path: 'administrator.memberIndex', message: "Cette personne n'est pas dans l'équipe." }])
    expectNothingWritten(test)
  })

  it('an INSEE code that is not a current commune is refused (NOT_FOUND)', async () => {
    const test = newCore()
    const error = await failure(test.core, test.session, 'setup.complete', fauxVillecerfSetup({ inseeCode: '10999' }))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain('10999')
    expectNothingWritten(test)
  })

  it('a second setup is refused with ALREADY_SET_UP and changes nothing', async () => {
    const { core, session } = newCore()
    await ok(core, session, 'setup.complete', fauxVillecerfSetup())
    const before = tableCounts(core.database.sqlite)
    for (const caller of [session, { profileId: null }]) {
      const error = await failure(
        core,
        caller,
        'setup.complete',
        fauxVillecerfSetup({ inseeCode: '42218', administrator: { memberIndex: null, displayName: 'Intrus' } }),
      )
      expect(error.code).toBe('ALREADY_SET_UP')
      expect(error.message).toMatch(/déjà configuré/)
    }
    expect(tableCounts(core.database.sqlite)).toEqual(before)
    expect((await ok(core, session, 'commune.get')).name).toBe('Faux-Villecerf')
  })
})
