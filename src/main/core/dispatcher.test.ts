import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { contract, type EventName, type EventPayload, type MethodName } from '../../shared/contract'
import { AppError, GENERIC_INTERNAL_MESSAGE, type Result } from '../../shared/errors'
import type { CoreEnvironment, Session } from './context'
import { fileVault } from './portal/vault'
import { openDatabase, type OpenedDatabase } from './db/open'
import { createDispatcher, type Dispatch } from './dispatcher'
import type { HandlerContext, Handlers } from './handler'
import { handlers } from './handlers'
import { findActor } from './session/actor'
import { MIGRATIONS_FOLDER, TempDirs } from './testing'

/** English words zod uses in its default messages; none may reach the user. */
const ENGLISH = /\b(invalid|expected|received|unrecognized|too (big|small)|must|required|string|number|object|array)\b/i

const temp = new TempDirs('cap-commune-dispatcher-')
let database: OpenedDatabase
let events: { event: EventName; payload: unknown }[]
let internalErrors: { method: string; error: unknown }[]
let adminId: number
let userId: number

function environment(): CoreEnvironment {
  const dataDir = temp.make()
  return {
    db: database.db,
    sqlite: database.sqlite,
    dataDir,
    secrets: fileVault(dataDir),
    appVersion: '0.0.0-test',
    now: () => new Date('2026-04-01T09:00:00.000Z'),
    directory: () => {
      throw new Error('Annuaire non chargé dans ce test')
    },
    referentiel: () => {
      throw new Error('Référentiel non chargé dans ce test')
    },
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }),
  }
}

/** Handlers standing in for real ones in a test: any input, any result (the dispatcher is what is tested). */
type FakeHandler = (input: never, context: HandlerContext) => unknown

function dispatcherWith(overrides: Partial<Record<MethodName, FakeHandler>> = {}, validateOutput = true): Dispatch {
  return createDispatcher({
    handlers: { ...handlers, ...overrides } as unknown as Handlers,
    environment: environment(),
    findActor: (session) => findActor(database.db, session),
    validateOutput,
    onInternalError: (method, error) => internalErrors.push({ method, error }),
  })
}

function expectFailure(result: Result<unknown>) {
  expect(result.ok).toBe(false)
  if (result.ok) throw new Error('échec attendu')
  return result.error
}

const admin = (): Session => ({ profileId: adminId })
const user = (): Session => ({ profileId: userId })
const nobody = (): Session => ({ profileId: null })

const validMember = { firstName: 'Paul', lastName: 'Bernard', role: 'adjoint', delegation: 'Voirie' }

beforeEach(() => {
  database = openDatabase({ dataDir: temp.make(), migrationsFolder: MIGRATIONS_FOLDER })
  events = []
  internalErrors = []
  const insert = database.sqlite.prepare("INSERT INTO profiles (display_name, is_admin, created_at) VALUES (?, ?, '2026-01-01')")
  adminId = Number(insert.run('Secrétariat', 1).lastInsertRowid)
  userId = Number(insert.run('Claire Martin', 0).lastInsertRowid)
})

afterEach(() => {
  database.close()
  temp.cleanup()
})

describe('the contract and the handlers', () => {
  it('every method of the contract has a handler, and every handler a method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort())
    for (const [name, handler] of Object.entries(handlers)) expect(typeof handler, name).toBe('function')
  })

  it('every method is named domain.verb and declares a known access level', () => {
    for (const [name, definition] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/)
      expect(['public', 'profile', 'admin']).toContain(definition.access)
    }
  })
})

describe('unknown methods', () => {
  const names: unknown[] = [
    'members.explode',
    'members.list ',
    'MEMBERS.LIST',
    '',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__defineGetter__',
    'isPrototypeOf',
    42,
    null,
    undefined,
    { toString: () => 'members.list' },
    ['members.list'],
  ]

  it.each(names.map((name) => [String(JSON.stringify(name) ?? name), name]))('%s → UNKNOWN_METHOD', async (_label, name) => {
    const spy = vi.fn(() => [])
    const dispatch = dispatcherWith({ 'members.list': spy })
    const error = expectFailure(await dispatch(name, {}, admin()))
    expect(error).toEqual({ code: 'UNKNOWN_METHOD', message: "Cette opération n'existe pas dans Cap Commune." })
    expect(spy).not.toHaveBeenCalled()
    expect(events).toEqual([])
  })
})

describe('invalid input', () => {
  it('returns INVALID_INPUT with a French message and one issue per field, before the handler runs', async () => {
    const spy = vi.fn()
    const dispatch = dispatcherWith({ 'members.create': spy })
    const error = expectFailure(
      await dispatch('members.create', { firstName: 12, lastName: '   ', role: 'chef', email: 'pas-une-adresse', phone: 'abc', rank: 0 }, admin()),
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe(error.issues?.[0]?.message)
    const byPath = Object.fromEntries((error.issues ?? []).map((i) => [i.path, i.message]))
    expect(byPath).toEqual({
      firstName: 'Le prénom est obligatoire.',
      lastName: 'Le nom est obligatoire.',
      role: "Le rôle choisi n'existe pas.",
      rank: 'Le rang doit être au moins 1.',
      email: "L'adresse e-mail n'est pas valide (exemple : prenom.nom@mairie.fr).",
      phone: "Le numéro de téléphone n'est pas valide (exemple : 03 25 12 34 56).",
    })
    expect(spy).not.toHaveBeenCalled()
    expect(events).toEqual([])
  })

  it.each<[MethodName, unknown, string]>([
    ['app.status', { inattendu: true }, ''],
    ['app.status', 'texte', ''],
    ['directory.searchCommunes', { query: 'faux', limit: 'vingt' }, 'limit'],
    ['directory.searchCommunes', { query: 'faux', limit: 500 }, 'limit'],
    ['directory.searchCommunes', { query: 'x'.repeat(101) }, 'query'],
    ['session.open', {}, 'profileId'],
    ['session.open', { profileId: 1, password: 42 }, 'password'],
    ['mandate.update', { startYear: 2026.5, endYear: 2032 }, 'startYear'],
    ['mandate.update', { startYear: 2026, endYear: 2026 }, 'endYear'],
    ['members.update', { ...validMember, id: 'un' }, 'id'],
    ['members.create', null, ''],
    ['members.create', [validMember], ''],
    ['profiles.create', { displayName: 'Mairie', isAdmin: 'oui' }, 'isAdmin'],
    ['profiles.create', { displayName: 'Mairie', password: '123' }, 'password'],
    ['setup.complete', { inseeCode: '1014', mandate: { startYear: 2026, endYear: 2032 }, members: [], administrator: {} }, 'inseeCode'],
  ])('%s %j: French message on %s, no English zod text', async (method, input, path) => {
    const dispatch = dispatcherWith()
    const error = expectFailure(await dispatch(method, input, admin()))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues?.map((i) => i.path)).toContain(path)
    for (const text of [error.message, ...(error.issues ?? []).map((i) => i.message)]) {
      expect(text).not.toMatch(ENGLISH)
      expect(text.length).toBeGreaterThan(5)
    }
    expect(events).toEqual([])
  })

  it('hands the handler the parsed input: trimmed text, defaults filled in', async () => {
    const spy = vi.fn((input: unknown) => ({
      ...(input as object),
      id: 1,
      createdAt: '2026-04-01T09:00:00.000Z',
      updatedAt: '2026-04-01T09:00:00.000Z',
    }))
    const dispatch = dispatcherWith({ 'members.create': spy })
    const result = await dispatch('members.create', { firstName: '  Paul ', lastName: 'Bernard', role: 'conseiller_municipal' }, admin())
    expect(result.ok).toBe(true)
    expect(spy.mock.calls[0]![0]).toEqual({
      civility: null,
      firstName: 'Paul',
      lastName: 'Bernard',
      role: 'conseiller_municipal',
      rank: null,
      delegation: '',
      email: '',
      phone: '',
      interests: '',
    })
  })
})

describe('failures inside a handler', () => {
  it('an exception becomes INTERNAL with the generic French message, and nothing of it leaks', async () => {
    const secret = new Error('SQLITE_CORRUPT at /home/mairie/.config/Cap Commune/cap-commune.sqlite: SELECT password_hash')
    const dispatch = dispatcherWith({
      'members.create': () => {
        throw secret
      },
    })
    const result = await dispatch('members.create', validMember, admin())
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: GENERIC_INTERNAL_MESSAGE } })
    const sent = JSON.stringify(result)
    for (const leak of ['SQLITE', 'password_hash', '/home', 'cap-commune.sqlite', 'at ']) expect(sent).not.toContain(leak)
    expect(GENERIC_INTERNAL_MESSAGE).toMatch(/Vos données n'ont pas été modifiées/)
    // The detail goes to the log, not to the user.
    expect(internalErrors).toEqual([{ method: 'members.create', error: secret }])
    expect(events).toEqual([])
  })

  it('a rejected promise and a thrown non-Error are handled the same way', async () => {
    const dispatch = dispatcherWith({
      'members.list': () => Promise.reject(new TypeError('boom')) as never,
      'profiles.list': () => {
        throw 'une chaîne'
      },
    })
    expect(await dispatch('members.list', {}, admin())).toEqual({ ok: false, error: { code: 'INTERNAL', message: GENERIC_INTERNAL_MESSAGE } })
    expect(await dispatch('profiles.list', {}, admin())).toEqual({ ok: false, error: { code: 'INTERNAL', message: GENERIC_INTERNAL_MESSAGE } })
    expect(internalErrors.map((e) => e.method)).toEqual(['members.list', 'profiles.list'])
  })

  it('a result that breaks the contract is caught when output validation is on', async () => {
    const dispatch = dispatcherWith({ 'members.list': () => [{ id: 'pas un nombre' }] as never })
    const error = expectFailure(await dispatch('members.list', {}, admin()))
    expect(error.code).toBe('INTERNAL')
    expect(internalErrors).toHaveLength(1)
  })

  it('an AppError reaches the caller as it is, issues included', async () => {
    const dispatch = dispatcherWith({
      'members.create': () => {
        throw new AppError('CONFLICT', 'Il y a déjà un maire.', [{ path: 'role', message: 'Déjà pris.' }])
      },
    })
    expect(await dispatch('members.create', validMember, admin())).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Il y a déjà un maire.', issues: [{ path: 'role', message: 'Déjà pris.' }] },
    })
    expect(internalErrors).toEqual([])
    expect(events).toEqual([])
  })
})

describe('access levels', () => {
  it('a `profile` method without a signed-in profile → NOT_SIGNED_IN, handler not called', async () => {
    const spy = vi.fn(() => [])
    const dispatch = dispatcherWith({ 'members.list': spy })
    expect(expectFailure(await dispatch('members.list', {}, nobody()))).toEqual({
      code: 'NOT_SIGNED_IN',
      message: 'Choisissez votre profil pour continuer.',
    })
    expect(spy).not.toHaveBeenCalled()
  })

  it('access is checked before the input, so anonymous callers learn nothing of the schema', async () => {
    const dispatch = dispatcherWith()
    expect(expectFailure(await dispatch('members.create', { firstName: 1 }, nobody())).code).toBe('NOT_SIGNED_IN')
  })

  it('a session on a profile removed since → NOT_SIGNED_IN, and the session forgets it', async () => {
    const dispatch = dispatcherWith()
    const session: Session = { profileId: 9999 }
    expect(expectFailure(await dispatch('members.list', {}, session)).code).toBe('NOT_SIGNED_IN')
    expect(session.profileId).toBeNull()
  })

  it('an `admin` method with a non-admin profile → FORBIDDEN, nothing written', async () => {
    const dispatch = dispatcherWith()
    const error = expectFailure(await dispatch('members.create', validMember, user()))
    expect(error.code).toBe('FORBIDDEN')
    expect(error.message).toMatch(/administrateur/)
    expect(database.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0)
    expect(events).toEqual([])
  })

  it('every access level lets the right people in', async () => {
    const dispatch = dispatcherWith()
    expect((await dispatch('app.status', {}, nobody())).ok).toBe(true)
    expect((await dispatch('members.list', {}, user())).ok).toBe(true)
    expect((await dispatch('members.create', validMember, admin())).ok).toBe(true)
  })

  it('every non-public method refuses an anonymous caller, every admin method a non-admin', async () => {
    const dispatch = dispatcherWith()
    for (const [name, definition] of Object.entries(contract)) {
      if (definition.access === 'public') continue
      expect(expectFailure(await dispatch(name, {}, nobody())).code, name).toBe('NOT_SIGNED_IN')
      if (definition.access === 'admin') expect(expectFailure(await dispatch(name, {}, user())).code, name).toBe('FORBIDDEN')
    }
  })
})

describe('the data.changed event', () => {
  it("is emitted once after a successful write, with the method's domains", async () => {
    const dispatch = dispatcherWith()
    const created = await dispatch('members.create', validMember, admin())
    expect(created.ok).toBe(true)
    expect(events).toEqual([{ event: 'data.changed', payload: { domains: ['members'] } }])

    events.length = 0
    const id = created.ok ? (created.value as { id: number }).id : 0
    await dispatch('members.remove', { id }, admin())
    expect(events).toEqual([{ event: 'data.changed', payload: { domains: [...contract['members.remove'].changes!] } }])
  })

  it('is not emitted by reads nor by failed writes', async () => {
    const dispatch = dispatcherWith()
    await dispatch('members.list', {}, admin())
    await dispatch('members.create', { ...validMember, email: 'faux' }, admin())
    await dispatch('members.remove', { id: 12345 }, admin())
    await dispatch('members.create', validMember, user())
    expect(events).toEqual([])
  })
})

describe('reading another method from a handler (context.read)', () => {
  it("runs that method's own handler with its input parsed, the same session, and no event", async () => {
    const seen: unknown[] = []
    const dispatch = dispatcherWith({
      'members.list': (input: never, context: HandlerContext) => {
        seen.push({ input, actor: context.actor?.displayName })
        return []
      },
      'profiles.list': async (_input: never, context: HandlerContext) => {
        expect(await context.read('members.list', {})).toEqual([])
        return []
      },
    })
    expect((await dispatch('profiles.list', {}, user())).ok).toBe(true)
    expect(seen).toEqual([{ input: {}, actor: 'Claire Martin' }])
    expect(events).toEqual([])
  })

  it('a read refused to the caller stays refused', async () => {
    const dispatch = dispatcherWith({
      'app.status': async (_input: never, context: HandlerContext) => {
        await context.read('members.list', {})
        return {}
      },
    })
    expect(expectFailure(await dispatch('app.status', {}, nobody())).code).toBe('NOT_SIGNED_IN')
  })
})
