/**
 * Paramètres › Portail citoyen against a real relay process on 127.0.0.1 (PGlite): pairing, every failure a secrétaire
 * can meet, disconnecting and changing relay. Run by the relay suite (vitest.relay.config.mts).
 */
import { createServer, type Server } from 'node:http'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { startRelayProcess, type RelayProcess } from '../../../relay/testing/relay-process'
import { createSetUpTemplate, createTestCore, dataDirFrom, failure, ok, TempDirs, auditRows, type TestCore } from '../testing'
import { fileVault, PORTAL_FOLDER } from './vault'
import { connectedClient } from './connection'

const templates = new TempDirs('cap-commune-portal-template-')
const temp = new TempDirs('cap-commune-portal-')
let template: string
let relay: RelayProcess
const opened: TestCore[] = []

beforeAll(async () => {
  template = await createSetUpTemplate(templates.make())
  relay = await startRelayProcess('pglite', inject('relayDatabases'))
})
afterAll(async () => {
  await relay?.stop()
  templates.cleanup()
})
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
  temp.cleanup()
})

function desktop(): TestCore {
  const test = createTestCore(dataDirFrom(template, join(temp.make(), 'data')))
  opened.push(test)
  return test
}

const added = new Map<RelayProcess, string[]>()

/** A fresh pairing code of the commune (added to the relay the first time). */
async function pairingCode(relayProcess: RelayProcess, code = '10145'): Promise<string> {
  const known = new Set(added.get(relayProcess) ?? [])
  const lines = await relayProcess.admin('commune', known.has(code) ? 'new-code' : 'add', code)
  added.set(relayProcess, [...known, code])
  return lines.at(-1)!
}

/** A server on 127.0.0.1 answering every request with one JSON body (a relay of another version, a stray site). */
async function fakeServer(status: number, body: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

describe('connecting the commune to the relay', () => {
  it('exchanges the pairing code for a token, shows the portal address and keeps the token out of the database', async () => {
    const { core, session, dataDir } = desktop()
    const before = await ok(core, session, 'portal.status')
    expect(before).toMatchObject({ connected: false, relayUrl: null, tokenStorage: 'dossier', tokenMissing: false })

    const status = await ok(core, session, 'portal.connect', { relayUrl: `${relay.url}/`, pairingCode: await pairingCode(relay) })
    expect(status).toMatchObject({
      connected: true,
      relayUrl: relay.url,
      commune: { code: '10145', name: 'Faux-Villecerf' },
      portalUrl: `${relay.url}/10145`,
      tokenStorage: 'dossier',
    })
    expect(readdirSync(join(dataDir, PORTAL_FOLDER))).toEqual(['jeton-relais.txt'])
    // The token works: the relay knows the commune by it.
    const { client } = connectedClient({ db: core.database.db, secrets: fileVault(dataDir) })
    expect(await client.call('commune.get')).toMatchObject({ code: '10145' })
    // Nowhere in the SQLite file.
    const token = fileVault(dataDir).read()!
    const dump = JSON.stringify(core.database.sqlite.prepare('SELECT * FROM portal_connection').all())
    expect(dump).not.toContain(token)
    expect(auditRows(core.database.sqlite, { entity: 'portal' }).map((row) => row.action)).toEqual(['create'])
  })

  it('says a code is unknown, or already used, and connects nothing', async () => {
    const { core, session, dataDir } = desktop()
    const wrong = await failure(core, session, 'portal.connect', { relayUrl: relay.url, pairingCode: 'ZZZZ-ZZZZ-ZZZZ' })
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'pairingCode' }] })
    expect(wrong.message).toContain('Ce code d’appairage est inconnu')

    const code = await pairingCode(relay)
    await ok(core, session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
    await ok(core, session, 'portal.disconnect')
    const used = await failure(core, session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
    expect(used.message).toContain('a déjà servi')
    expect(await ok(core, session, 'portal.status')).toMatchObject({ connected: false, relayUrl: null })
    expect(existsSync(join(dataDir, PORTAL_FOLDER, 'jeton-relais.txt'))).toBe(false)
  })

  it('refuses the code of another commune', async () => {
    const { core, session } = desktop()
    const other = await failure(core, session, 'portal.connect', { relayUrl: relay.url, pairingCode: await pairingCode(relay, '10290') })
    expect(other.message).toMatch(/pas de Faux-Villecerf \(10145\)/)
    expect((await ok(core, session, 'portal.status')).connected).toBe(false)
  })

  it('says when the relay does not answer, is not a relay, or speaks another API version', async () => {
    const { core, session } = desktop()
    const stopped = await startRelayProcess('pglite', inject('relayDatabases'))
    const code = await pairingCode(stopped)
    await stopped.stop()
    const down = await failure(core, session, 'portal.connect', { relayUrl: stopped.url, pairingCode: code })
    expect(down.message).toContain('Le relais ne répond pas')

    const newer = await fakeServer(200, { status: 'ok', apiVersion: 2, driver: 'pglite' })
    const older = await fakeServer(200, { status: 'ok', apiVersion: 0, driver: 'pglite' })
    const stray = await fakeServer(404, { error: 'not found' })
    const page = await fakeServer(200, { hello: 'world' })
    try {
      expect((await failure(core, session, 'portal.connect', { relayUrl: newer.url, pairingCode: code })).message).toContain(
        'mettez Cap Commune à jour',
      )
      expect((await failure(core, session, 'portal.connect', { relayUrl: older.url, pairingCode: code })).message).toContain('version ancienne')
      expect((await failure(core, session, 'portal.connect', { relayUrl: stray.url, pairingCode: code })).message).toContain(
        'ne répond pas comme un relais Cap Commune',
      )
      expect((await failure(core, session, 'portal.connect', { relayUrl: page.url, pairingCode: code })).message).toContain(
        'ne répond pas comme un relais Cap Commune',
      )
    } finally {
      await Promise.all([newer.close(), older.close(), stray.close(), page.close()])
    }
    const insecure = await failure(core, session, 'portal.connect', { relayUrl: 'http://relais.example.fr', pairingCode: code })
    expect(insecure).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'relayUrl' }] })
    expect(insecure.message).toContain('https://')
    expect((await ok(core, session, 'portal.status')).connected).toBe(false)
  })

  it('refuses a pairing answer that breaks the contract, and stores nothing', async () => {
    const { core, session, logs } = desktop()
    const hostile = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(
        JSON.stringify(
          request.url?.endsWith('/health')
            ? { status: 'ok', apiVersion: 1, driver: 'pglite' }
            : { token: 42, commune: { code: '<script>', name: 'X', portalUrl: 'javascript:alert(1)' }, apiVersion: 1 },
        ),
      )
    })
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`
      const refused = await failure(core, session, 'portal.connect', { relayUrl: url, pairingCode: 'ABCD' })
      expect(refused.message).toContain('réponse non conforme')
      expect(logs.some((log) => log.message.includes('Réponse du relais refusée (pairing.claim)'))).toBe(true)
      expect((await ok(core, session, 'portal.status')).connected).toBe(false)
    } finally {
      await new Promise((resolve) => hostile.close(resolve))
    }
  })

  it('disconnects, and changes relay: the new relay’s token replaces the old one', async () => {
    const { core, session } = desktop()
    await ok(core, session, 'portal.connect', { relayUrl: relay.url, pairingCode: await pairingCode(relay) })
    const second = await startRelayProcess('pglite', inject('relayDatabases'))
    try {
      const moved = await ok(core, session, 'portal.connect', { relayUrl: second.url, pairingCode: await pairingCode(second) })
      expect(moved).toMatchObject({ connected: true, relayUrl: second.url, portalUrl: `${second.url}/10145` })
      const off = await ok(core, session, 'portal.disconnect')
      expect(off).toMatchObject({ connected: false, relayUrl: null, commune: null, portalUrl: null })
      expect(auditRows(core.database.sqlite, { entity: 'portal' }).map((row) => row.action)).toEqual(['create', 'update', 'delete'])
    } finally {
      await second.stop()
    }
  })
})
