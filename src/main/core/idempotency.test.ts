import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { contract, CREATION_METHODS, REPEATABLE_CREATIONS, type MethodInput, type MethodName } from '../../shared/contract'
import { createProject, PROJECT_CORE_OPTIONS } from './testing/projects'
import { createTestCore, failure, ok, type TestCore } from './testing'
import { setUpCorePerTest } from './testing/per-test-core'

const setUp = setUpCorePerTest('idempotency', PROJECT_CORE_OPTIONS)

/** A creation's input with its key (the contract's types leave the key out: the dispatcher takes it off). */
function keyed<M extends MethodName>(input: MethodInput<M>, key: string): MethodInput<M> {
  return { ...input, idempotencyKey: key } as MethodInput<M>
}

function count(test: TestCore, table: string): number {
  return (test.core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64')

describe('a creation repeated with the same idempotency key', () => {
  it('creates once and gives the first answer back, with one line in the journal', async () => {
    const test = setUp()
    const key = randomUUID()
    const input = keyed<'projects.create'>({ title: 'Salle des fêtes' }, key)
    const first = await ok(test.core, test.session, 'projects.create', input)
    // The answer was lost (timeout, reloaded window): the renderer sends the same call again.
    const again = await ok(test.core, test.session, 'projects.create', input)
    expect(again).toEqual(first)
    expect((await ok(test.core, test.session, 'projects.list', {})).items.map((p) => p.title)).toEqual(['Salle des fêtes'])
    expect(test.core.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'project' AND action = 'create'").get()).toEqual({
      n: 1,
    })
  })

  it('a double click (both calls at once) makes one task, for a handler that writes in one go', async () => {
    const test = setUp()
    const project = await createProject(test)
    const input = keyed<'tasks.create'>({ projectId: project.id, title: 'Demander les devis' }, randomUUID())
    const [a, b] = await Promise.all([ok(test.core, test.session, 'tasks.create', input), ok(test.core, test.session, 'tasks.create', input)])
    expect(b).toEqual(a)
    expect(count(test, 'tasks')).toBe(1)
  })

  it('a double click makes one document, for a handler that awaits before writing (file typing)', async () => {
    const test = setUp()
    const project = await createProject(test)
    const input = keyed<'attachments.add'>({ projectId: project.id, taskId: null, fileName: 'devis.pdf', contentBase64: PDF }, randomUUID())
    const [a, b] = await Promise.all([ok(test.core, test.session, 'attachments.add', input), ok(test.core, test.session, 'attachments.add', input)])
    expect(b).toEqual(a)
    // And later, after the first call is over.
    expect(await ok(test.core, test.session, 'attachments.add', input)).toEqual(a)
    expect(count(test, 'attachments')).toBe(1)
  })

  it('a profile (password hashed first) is created once', async () => {
    const test = setUp()
    const input = keyed<'profiles.create'>({ displayName: 'Accueil', memberId: null, isAdmin: false, password: null }, randomUUID())
    const first = await ok(test.core, test.session, 'profiles.create', input)
    expect(await ok(test.core, test.session, 'profiles.create', input)).toEqual(first)
    expect((await ok(test.core, test.session, 'profiles.list')).filter((p) => p.displayName === 'Accueil')).toHaveLength(1)
  })

  it('is remembered in the data file: a repeat after the app restarted creates nothing', async () => {
    const test = setUp()
    const input = keyed<'comments.add'>({ projectId: (await createProject(test)).id, body: 'Devis reçu.' }, randomUUID())
    const first = await ok(test.core, test.session, 'comments.add', input)
    test.core.close()
    const reopened = createTestCore(test.dataDir, PROJECT_CORE_OPTIONS)
    try {
      expect(await ok(reopened.core, reopened.session, 'comments.add', input)).toEqual(first)
      expect(count(reopened, 'comments')).toBe(1)
    } finally {
      reopened.core.close()
    }
  })

  it('keeps no key when the creation was refused, so the corrected call goes through', async () => {
    const test = setUp()
    const key = randomUUID()
    const refused = await failure(test.core, test.session, 'projects.create', { title: 'Préau', referentMemberId: 99_999, idempotencyKey: key })
    expect(refused.code).toBe('NOT_FOUND')
    expect(count(test, 'idempotent_calls')).toBe(0)
    await ok(test.core, test.session, 'projects.create', keyed<'projects.create'>({ title: 'Préau' }, key))
    expect(count(test, 'projects')).toBe(1)
    expect(count(test, 'idempotent_calls')).toBe(1)
  })

  it('without a key, each call creates (two comments really meant)', async () => {
    const test = setUp()
    const project = await createProject(test)
    await ok(test.core, test.session, 'comments.add', { projectId: project.id, body: 'Relancer.' })
    await ok(test.core, test.session, 'comments.add', { projectId: project.id, body: 'Relancer.' })
    expect(count(test, 'comments')).toBe(2)
  })

  it('refuses in French a malformed key, or one already used by another operation', async () => {
    const test = setUp()
    const malformed = await failure(test.core, test.session, 'projects.create', { title: 'Préau', idempotencyKey: 'x' })
    expect(malformed).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^La demande n'a pas pu être reconnue/) })
    const key = randomUUID()
    const project = await ok(test.core, test.session, 'projects.create', keyed<'projects.create'>({ title: 'Préau' }, key))
    const reused = await failure(test.core, test.session, 'comments.add', { projectId: project.id, body: 'Oui', idempotencyKey: key })
    expect(reused.message).toMatch(/^Cette demande a déjà servi à une autre opération/)
    expect(count(test, 'comments')).toBe(0)
  })
})

describe('the creations of the contract', () => {
  it('every method that creates takes a key, or says why a repeat is harmless', () => {
    const creating = Object.keys(contract).filter((name) => /\.(create|add)[A-Z]?/.test(name) || /\.(create|add)$/.test(name))
    const covered = new Set<string>([...CREATION_METHODS, ...Object.keys(REPEATABLE_CREATIONS)])
    expect(creating.filter((name) => !covered.has(name))).toEqual([])
    for (const name of CREATION_METHODS) expect(contract[name]).toHaveProperty('changes')
  })
})
