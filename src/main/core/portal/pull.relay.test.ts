/**
 * Collecting citizens' contributions against a real relay process on 127.0.0.1 (PGlite): what a citizen sends on the
 * portal reaches the desktop, photos checked and kept in the file store; a page received twice changes nothing; a cut
 * in the middle of a page (network lost, relay killed) loses nothing and duplicates nothing once retried; a relay that
 * is down or sends another commune's data leaves the app working and says so. Run by the relay suite.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { startRelayProcess, type RelayProcess } from '../../../relay/testing/relay-process'
import { TestCitizen } from '../../../relay/testing/citizen'
import { startSmtp, type TestSmtp } from '../../../relay/testing/smtp'
import { createSetUpTemplate, createTestCore, dataDirFrom, ok, TempDirs, type TestCore } from '../testing'
import { FILE_STORE_FOLDER } from '../file-store/store'
import type { CoreOptions } from '../core'
import { connectedClient } from './connection'
import { deferIndexes } from '../db/deferred-indexes'
import { KEPT_DURING_LARGE_PULL, pullAll, storePage, type PullEnvironment } from './pull'
import { fileVault } from './vault'

const templates = new TempDirs('cap-commune-pull-template-')
const temp = new TempDirs('cap-commune-pull-')
let template: string
let relay: RelayProcess
let smtp: TestSmtp
let relayData: string
const opened: TestCore[] = []

const HOSTILE_TITLE = '<img src=x onerror="alert(1)"> Bancs du <b>lavoir</b>'

beforeAll(async () => {
  template = await createSetUpTemplate(templates.make())
  smtp = await startSmtp()
  relayData = temp.make()
  relay = await startRelayProcess('pglite', inject('relayDatabases'), { env: { RELAY_SMTP_URL: smtp.url }, dataDir: relayData })
  await relay.admin('commune', 'add', '10145')
  await relay.admin('commune', 'add', '10290')
})
afterAll(async () => {
  await relay?.stop()
  await smtp?.stop()
  templates.cleanup()
  temp.cleanup()
})
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
})

/**
 * The network between the desktop and the relay: `down` fails every request as an unplugged cable would; `onRequest`
 * lets a test act in the middle of a sync; requests always go to the relay currently running (it may restart).
 */
function network() {
  const state = {
    down: false,
    requests: [] as string[],
    onRequest: null as null | ((path: string) => Promise<void> | void),
    rewrite: null as null | ((json: Record<string, unknown>) => unknown),
  }
  const relayFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input as string))
    const path = `${url.pathname}${url.search}`
    state.requests.push(path)
    if (state.onRequest) await state.onRequest(path)
    if (state.down) throw new TypeError('fetch failed')
    const response = await fetch(`${relay.url}${path}`, init)
    if (state.rewrite && url.pathname === '/api/v1/inputs') {
      const json = (await response.json()) as Record<string, unknown>
      return new Response(JSON.stringify(state.rewrite(json)), { status: response.status, headers: response.headers })
    }
    return response
  }
  return { state, relayFetch }
}

async function connected(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const test = createTestCore(dataDirFrom(template, join(temp.make(), 'data')), { portalIntervalMs: 3_600_000, ...options })
  opened.push(test)
  const code = (await relay.admin('commune', 'new-code', '10145')).at(-1)!
  await ok(test.core, test.session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
  return test
}

async function photo(width: number, height: number): Promise<File> {
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#2878c8'
  context.fillRect(0, 0, width, height)
  const bytes = await canvas.encode('jpeg')
  return new File([new Uint8Array(bytes)], 'photo.jpg', { type: 'image/jpeg' })
}

let citizenCount = 0
async function citizenSends(contributions: Record<string, string | Blob[]>[], commune = '10145'): Promise<void> {
  const citizen = new TestCitizen(relay, commune)
  citizenCount++
  await citizen.signIn(smtp, `citoyen${citizenCount}@example.fr`, `Citoyen ${citizenCount}`)
  for (const fields of contributions) {
    const sent = await citizen.post(`/${commune}/contribuer`, fields, { from: `/${commune}/contribuer` })
    if (sent.status !== 303) throw new Error(`contribution refusée : ${sent.status} ${sent.html.slice(0, 300)}`)
  }
}

/** The core's own pull, called directly (to choose the page size). */
function pullEnvironment(test: TestCore, relayFetch?: typeof fetch): PullEnvironment {
  return {
    db: test.core.database.db,
    sqlite: test.core.database.sqlite,
    secrets: fileVault(test.dataDir),
    relayFetch,
    now: () => new Date(),
    dataDir: test.dataDir,
  }
}

function rows(test: TestCore) {
  return {
    contributions: test.core.database.sqlite
      .prepare('SELECT relay_id, relay_seq, kind, title, body, author_display_name, address FROM contributions ORDER BY relay_id')
      .all(),
    photos: test.core.database.sqlite.prepare('SELECT relay_photo_id, sha256, problem FROM contribution_photos ORDER BY relay_photo_id').all(),
    cursor: (test.core.database.sqlite.prepare('SELECT cursor FROM portal_pull').get() as { cursor: number } | undefined)?.cursor ?? 0,
  }
}

/** A desktop behind a network the test controls, already up to date with the relay. */
async function syncedDesktop() {
  const { state, relayFetch } = network()
  const test = await connected({ relayFetch })
  await ok(test.core, test.session, 'citizens.syncNow')
  return { state, relayFetch, test, start: rows(test) }
}

describe('pulling citizens’ contributions', () => {
  it('pulls what citizens sent, with photos checked and stored, hostile text kept as text, and says how many were new', async () => {
    const test = await connected()
    const { core, session } = test
    await citizenSends([
      {
        kind: 'proposition',
        topic: 'environnement',
        title: HOSTILE_TITLE,
        body: 'Pour se reposer.\n<script>alert(2)</script>',
        photos: [await photo(120, 80)],
      },
      { kind: 'besoin', topic: 'voirie', title: 'Nid-de-poule', body: 'Devant le n° 12.', address: '12 rue de l’Église' },
    ])
    const report = await ok(core, session, 'citizens.syncNow')
    expect(report).toMatchObject({ newContributions: 2, problem: null })
    const stored = rows(test)
    expect(stored.contributions).toMatchObject([
      { kind: 'proposition', title: HOSTILE_TITLE, body: expect.stringMatching(/^Pour se reposer\.\r?\n<script>alert\(2\)<\/script>$/) },
      { kind: 'besoin', title: 'Nid-de-poule', address: '12 rue de l’Église' },
    ])
    expect(JSON.stringify(stored.contributions)).not.toContain('@example.fr')
    expect(stored.photos).toHaveLength(1)
    expect(stored.photos[0]).toMatchObject({ problem: null })
    const hash = (stored.photos[0] as { sha256: string }).sha256
    expect(existsSync(join(test.dataDir, FILE_STORE_FOLDER, hash))).toBe(true)

    const status = await ok(core, session, 'citizens.syncStatus')
    expect(status).toMatchObject({ connected: true, lastSyncNew: 2, lastError: null, unseen: 2, unanswered: 2, total: 2, running: null })
    expect(status.lastSyncAt).not.toBeNull()

    // Nothing new: the next sync brings nothing, and says so.
    expect(await ok(core, session, 'citizens.syncNow')).toMatchObject({ received: 0, newContributions: 0, problem: null })
    expect((await ok(core, session, 'citizens.syncStatus')).lastSyncNew).toBe(0)
    expect(rows(test)).toEqual(stored)
  })

  it('is idempotent: the same page stored twice, or the whole feed pulled again from the start, changes nothing', async () => {
    const test = await connected()
    const { core, session } = test
    await citizenSends([{ kind: 'besoin', topic: 'ecole', title: 'Cantine', body: 'Merci pour les menus.' }])
    await ok(core, session, 'citizens.syncNow')
    const before = rows(test)
    const { client, connection } = connectedClient(pullEnvironment(test))
    const page = await client.call('inputs.pull', { query: { after: 0, limit: 1000 } })
    const at = new Date().toISOString()
    storePage(core.database.db, connection.relayUrl, page.items, page.nextCursor, new Map(), at)
    storePage(core.database.db, connection.relayUrl, page.items, page.nextCursor, new Map(), at)
    expect(rows(test)).toEqual(before)
    core.database.sqlite.prepare('UPDATE portal_pull SET cursor = 0').run()
    expect(await ok(core, session, 'citizens.syncNow')).toMatchObject({ newContributions: 0, problem: null })
    expect(rows(test)).toEqual(before)
  })

  it('loses nothing and duplicates nothing when the network is cut in the middle of a page, then retried', async () => {
    const { state, test, start } = await syncedDesktop()
    const { core, session } = test
    await citizenSends([
      { kind: 'proposition', topic: 'autre', title: 'Un', body: 'Premier.', photos: [await photo(60, 60)] },
      { kind: 'proposition', topic: 'autre', title: 'Deux', body: 'Deuxième.', photos: [await photo(70, 70)] },
    ])
    // The page arrived, the cable is pulled while its photos are fetched: nothing of the page is kept.
    state.onRequest = (path) => {
      if (path.startsWith('/api/v1/photos/')) state.down = true
    }
    const cut = await ok(core, session, 'citizens.syncNow')
    expect(cut.problem).toContain('Le relais ne répond pas')
    expect(rows(test)).toEqual(start)
    const status = await ok(core, session, 'citizens.syncStatus')
    expect(status.lastError).toContain('Le relais ne répond pas')

    state.onRequest = null
    state.down = false
    expect(await ok(core, session, 'citizens.syncNow')).toMatchObject({ newContributions: 2, problem: null })
    const after = rows(test)
    expect(after.contributions.map((c) => (c as { title: string }).title)).toEqual([
      ...start.contributions.map((c) => (c as { title: string }).title),
      'Un',
      'Deux',
    ])
    expect(after.photos).toHaveLength(start.photos.length + 2)
    expect((await ok(core, session, 'citizens.syncStatus')).lastError).toBeNull()
  })

  it('resumes after the relay is killed in the middle of a sync: page by page, nothing lost, nothing twice', async () => {
    const { state, relayFetch, test, start } = await syncedDesktop()
    await citizenSends([
      { kind: 'besoin', topic: 'voirie', title: 'A', body: 'a' },
      { kind: 'besoin', topic: 'voirie', title: 'B', body: 'b' },
      { kind: 'besoin', topic: 'voirie', title: 'C', body: 'c', photos: [await photo(50, 40)] },
    ])
    // Pages of one: the relay is killed (SIGKILL) while the desktop asks for the third item's photo.
    const pull = pullEnvironment(test, relayFetch)
    let killed = false
    state.onRequest = async (path) => {
      if (path.startsWith('/api/v1/photos/') && !killed) {
        killed = true
        await relay.kill()
      }
    }
    const cut = await pullAll(pull, { pageSize: 1 })
    expect(cut.problem).toContain('Le relais ne répond pas')
    const partial = rows(test)
    expect(partial.contributions.map((c) => (c as { title: string }).title).slice(-2)).toEqual(['A', 'B'])
    expect(partial.cursor).toBeGreaterThan(start.cursor)

    state.onRequest = null
    relay = await startRelayProcess('pglite', inject('relayDatabases'), { env: { RELAY_SMTP_URL: smtp.url }, dataDir: relayData })
    const resumed = await pullAll(pull, { pageSize: 1 })
    expect(resumed).toMatchObject({ newContributions: 1, problem: null })
    const after = rows(test)
    expect(after.contributions.map((c) => (c as { title: string }).title).slice(-3)).toEqual(['A', 'B', 'C'])
    expect(after.contributions).toHaveLength(start.contributions.length + 3)
    expect(after.photos).toHaveLength(start.photos.length + 1)
  })

  it('never stores the next page, already asked for while a page is stored, when storing that page fails', async () => {
    const { state, relayFetch, test, start } = await syncedDesktop()
    await citizenSends([
      { kind: 'besoin', topic: 'voirie', title: 'Un', body: 'un' },
      { kind: 'besoin', topic: 'voirie', title: 'Deux', body: 'deux' },
    ])
    // Storing the first page fails (a full disk, a file locked by an antivirus…) after the second was asked for.
    const sqlite = test.core.database.sqlite
    sqlite.exec("CREATE TRIGGER refuse_un BEFORE INSERT ON contributions WHEN NEW.title = 'Un' BEGIN SELECT RAISE(ABORT, 'disque plein'); END")
    state.requests.length = 0
    const pull = pullEnvironment(test, relayFetch)
    await expect(pullAll(pull, { pageSize: 1 })).rejects.toThrow('disque plein')
    const asked = state.requests.filter((path) => path.startsWith('/api/v1/inputs'))
    expect(asked).toEqual([`/api/v1/inputs?after=${start.cursor}&limit=1`, expect.stringMatching(/^\/api\/v1\/inputs\?after=\d+&limit=1$/)])
    // The second page's answer arrives after the failure: it is dropped, nothing of it is stored.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(rows(test)).toEqual(start)

    sqlite.exec('DROP TRIGGER refuse_un')
    expect(await pullAll(pull, { pageSize: 1 })).toMatchObject({ newContributions: 2, problem: null })
    expect(
      rows(test)
        .contributions.map((c) => (c as { title: string }).title)
        .slice(-2),
    ).toEqual(['Un', 'Deux'])
  })

  it('sets the list’s indexes aside during a large pull and builds them back at its end, the list answering meanwhile', async () => {
    const { state, relayFetch } = network()
    const test = await connected({ relayFetch })
    const { core, session } = test
    await citizenSends([
      { kind: 'besoin', topic: 'voirie', title: 'Lampadaire', body: 'Éteint.' },
      { kind: 'besoin', topic: 'voirie', title: 'Trottoir', body: 'Abîmé.' },
      { kind: 'proposition', topic: 'autre', title: 'Marché', body: 'Le samedi.' },
      { kind: 'proposition', topic: 'autre', title: 'Concert', body: 'En juin.' },
      { kind: 'besoin', topic: 'ecole', title: 'Préau', body: 'Fuite.' },
    ])
    const indexes = () =>
      core.database.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contributions' ORDER BY name").all()
    const schema = indexes()
    expect(schema.length).toBeGreaterThan(5)
    const feed = await connectedClient(pullEnvironment(test)).client.call('inputs.pull', { query: { after: 0, limit: 1000 } })

    // Pages of one into an empty desktop: a large pull. Page 3 is asked for once page 1 is stored, with 2 in hand.
    const during: { indexes: string[]; byPeriod: number; byKindTopic: number; total: number }[] = []
    let inputsAsked = 0
    state.onRequest = async (path) => {
      if (!path.startsWith('/api/v1/inputs') || ++inputsAsked !== 3) return
      const stored = (core.database.sqlite.prepare('SELECT count(*) AS n FROM contributions').get() as { n: number }).n
      const period = await ok(core, session, 'citizens.list', { from: '2000-01-01', to: '2100-12-31' })
      const kindTopic = await ok(core, session, 'citizens.list', { kind: 'besoin', topic: 'voirie' })
      const voirie = core.database.sqlite.prepare("SELECT count(*) AS n FROM contributions WHERE kind = 'besoin' AND topic = 'voirie'").get() as {
        n: number
      }
      during.push({
        indexes: indexes().map((row) => (row as { name: string }).name),
        byPeriod: period.total,
        byKindTopic: kindTopic.total - voirie.n,
        total: stored,
      })
    }
    const phases = { waitMs: 0, checkMs: 0, photosMs: 0, storeMs: 0, indexMs: 0 }
    const progress: string[] = []
    const report = await pullAll({ ...pullEnvironment(test, relayFetch), phases, onProgress: (label) => progress.push(label) }, { pageSize: 1 })
    expect(report).toMatchObject({ problem: null, newContributions: feed.items.length })
    expect(during).toHaveLength(1)
    expect(during[0]!.indexes).toEqual(['contributions_duplicate_of', 'contributions_relay_id'])
    expect(during[0]).toMatchObject({ byPeriod: during[0]!.total, byKindTopic: 0 })
    expect(during[0]!.total).toBeGreaterThanOrEqual(1)
    expect(indexes()).toEqual(schema)
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM deferred_indexes').get()).toEqual({ n: 0 })
    expect(phases.indexMs).toBeGreaterThan(0)
    expect(progress.at(-1)).toBe('Préparation de la liste des contributions reçues…')
    expect((await ok(core, session, 'citizens.list', { kind: 'besoin', topic: 'voirie' })).total).toBe(
      (core.database.sqlite.prepare("SELECT count(*) AS n FROM contributions WHERE kind = 'besoin' AND topic = 'voirie'").get() as { n: number }).n,
    )

    // Two new ones on a desktop that holds five or more: kept up to date as they come, nothing built again.
    await citizenSends([
      { kind: 'besoin', topic: 'voirie', title: 'Fossé', body: 'Bouché.' },
      { kind: 'besoin', topic: 'voirie', title: 'Haie', body: 'Trop haute.' },
    ])
    state.onRequest = null
    const small = { waitMs: 0, checkMs: 0, photosMs: 0, storeMs: 0, indexMs: 0 }
    expect(await pullAll({ ...pullEnvironment(test, relayFetch), phases: small }, { pageSize: 1 })).toMatchObject({ newContributions: 2 })
    expect(small.indexMs).toBe(0)
    expect(indexes()).toEqual(schema)
  })

  it('builds the indexes back when a large pull is cut, and on the next opening after a crash in the middle of one', async () => {
    const { state, relayFetch } = network()
    const test = await connected({ relayFetch })
    await citizenSends([
      { kind: 'besoin', topic: 'ecole', title: 'Préau', body: 'Fuite.' },
      { kind: 'besoin', topic: 'ecole', title: 'Cour', body: 'Glissante.' },
    ])
    const indexes = (sqlite = test.core.database.sqlite) =>
      sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contributions' ORDER BY name").all()
    const schema = indexes()
    let inputsAsked = 0
    state.onRequest = (path) => {
      if (path.startsWith('/api/v1/inputs') && ++inputsAsked === 3) state.down = true
    }
    const cut = await pullAll(pullEnvironment(test, relayFetch), { pageSize: 1 })
    expect(cut.problem).toContain('Le relais ne répond pas')
    expect(cut.pages).toBeGreaterThanOrEqual(1)
    expect(indexes()).toEqual(schema)

    // The app stops while the indexes are set aside (deferIndexes without its end): the next opening builds them back.
    deferIndexes(test.core.database.sqlite, 'contributions', KEPT_DURING_LARGE_PULL)
    expect(indexes()).toHaveLength(2)
    const dataDir = test.dataDir
    test.core.close()
    opened.splice(opened.indexOf(test), 1)
    const reopened = createTestCore(dataDir, { portalIntervalMs: 3_600_000, relayFetch })
    opened.push(reopened)
    expect(indexes(reopened.core.database.sqlite)).toEqual(schema)
    expect(reopened.core.database.sqlite.prepare('SELECT count(*) AS n FROM deferred_indexes').get()).toEqual({ n: 0 })
    state.onRequest = null
    state.down = false
    expect(await ok(reopened.core, reopened.session, 'citizens.syncNow')).toMatchObject({ problem: null })
    expect(indexes(reopened.core.database.sqlite)).toEqual(schema)
  })

  it('keeps the app working when the relay is down, and says so', async () => {
    const { state, relayFetch } = network()
    const test = await connected({ relayFetch })
    const { core, session } = test
    state.down = true
    const report = await ok(core, session, 'citizens.syncNow')
    expect(report.problem).toContain('Le relais ne répond pas')
    expect(report.problem).toContain('Vos données restent enregistrées sur cet ordinateur')
    expect(await ok(core, session, 'citizens.syncStatus')).toMatchObject({ connected: true, lastSyncAt: null })
    // Everything else answers as usual.
    expect(await ok(core, session, 'projects.list', {})).toBeDefined()
    expect((await ok(core, session, 'citizens.syncStatus')).lastError).toContain('Le relais ne répond pas')
  })

  it('refuses a page of another commune or one that breaks the contract: logged, nothing stored, the cursor kept', async () => {
    const { state, relayFetch } = network()
    const test = await connected({ relayFetch })
    const { core, session } = test
    await citizenSends([{ kind: 'proposition', topic: 'autre', title: 'Chez nous', body: 'Texte.' }])

    state.rewrite = (json) => ({ ...json, commune: '10290' })
    const foreign = await ok(core, session, 'citizens.syncNow')
    expect(foreign.problem).toContain('pas de la commune 10145')
    expect(rows(test)).toMatchObject({ contributions: [], cursor: 0 })

    state.rewrite = (json) => ({ ...json, items: (json.items as object[]).map((item) => ({ ...item, kind: 'virus' })) })
    const broken = await ok(core, session, 'citizens.syncNow')
    expect(broken.problem).toContain('réponse non conforme')
    expect(rows(test)).toMatchObject({ contributions: [], cursor: 0 })

    for (const hostile of [{ body: 'x\u202ey' }, { title: 't'.repeat(501) }, { author: { pseudonymousId: 'c-1', displayName: 'Jeanne\u0007' } }]) {
      state.rewrite = (json) => ({ ...json, items: (json.items as object[]).map((item) => ({ ...item, ...hostile })) })
      expect((await ok(core, session, 'citizens.syncNow')).problem).toContain('caractères interdits')
      expect(rows(test)).toMatchObject({ contributions: [], cursor: 0 })
    }
    expect(test.logs.some((line) => line.message.includes('refusée'))).toBe(true)

    state.rewrite = null
    expect(await ok(core, session, 'citizens.syncNow')).toMatchObject({ problem: null })
    expect(rows(test).contributions.map((c) => (c as { title: string }).title)).toContain('Chez nous')
  })
})
