/**
 * The anonymous comparison against a real relay process on 127.0.0.1 (PGlite): nothing leaves the desktop until an
 * administrator opts in; then only the band and the per-domain scores; no figure below the relay's minimum of
 * communes; the band's median and quartiles once there are enough; turning it off withdraws the commune's figures.
 * Run by the relay suite.
 */
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { benchmarkSchema } from '../../../shared/relay'
import { pairedCommune, startRelayProcess, type RelayProcess } from '../../../relay/testing/relay-process'
import { auditRows, createSetUpTemplate, createTestCore, dataDirFrom, failure, ok, TempDirs, type TestCore } from '../testing'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'
import type { CoreOptions } from '../core'

const templates = new TempDirs('cap-commune-compare-template-')
const temp = new TempDirs('cap-commune-compare-')
let template: string
let relay: RelayProcess
/** Four other communes of the band 200–499, paired on the same relay. */
const others: string[] = []
const opened: TestCore[] = []

beforeAll(async () => {
  template = await createSetUpTemplate(templates.make())
  relay = await startRelayProcess('pglite', inject('relayDatabases'))
  await relay.admin('commune', 'add', '10145')
  for (const code of ['10003', '10004', '10005', '10006']) others.push(await pairedCommune(relay, code))
})
afterAll(async () => {
  await relay?.stop()
  templates.cleanup()
})
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
  temp.cleanup()
})

interface Sent {
  method: string
  path: string
  body: unknown
}

/** Records what the desktop sends to the relay; `down` cuts the network. */
function network() {
  const state = { down: false, sent: [] as Sent[] }
  const relayFetch: typeof fetch = async (url, init) => {
    const path = new URL(String(url)).pathname
    const text = typeof init?.body === 'string' ? init.body : null
    state.sent.push({ method: init?.method ?? 'GET', path, body: text ? (JSON.parse(text) as unknown) : null })
    if (state.down) throw new TypeError('fetch failed')
    return fetch(url, init)
  }
  return { state, relayFetch }
}

async function connected(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const test = createTestCore(dataDirFrom(template, join(temp.make(), 'data')), {
    portalIntervalMs: 3_600_000,
    referentielFile: FIXTURE_REFERENTIEL_FILE,
    ...options,
  })
  opened.push(test)
  const code = (await relay.admin('commune', 'new-code', '10145')).at(-1)!
  await ok(test.core, test.session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
  return test
}

/** Answers every question of « gouvernance » that applies here (fait 2, pas fait 1), none of « services »: only gouvernance is complete. */
async function campaign({ core, session }: TestCore): Promise<number> {
  const { id } = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
  await ok(core, session, 'answers.save', { campaignId: id, criterionId: 'budget-vote-delai', status: 'fait' })
  await ok(core, session, 'answers.save', { campaignId: id, criterionId: 'budget-plan-pluriannuel', status: 'pas_fait' })
  await ok(core, session, 'answers.save', { campaignId: id, criterionId: 'conseil-reunion-trimestrielle', status: 'fait' })
  return id
}

async function gouvernanceScore(test: TestCore, campaignId: number): Promise<number> {
  const view = await ok(test.core, test.session, 'diagnostic.get', { campaignId })
  return view.scores.domains.find((d) => d.domainId === 'gouvernance')!.done
}

const benchmarkCalls = (sent: Sent[]) => sent.filter((s) => s.path === '/api/v1/benchmark')

/** What the relay gives another commune of the band. */
async function bandSeenBy(token: string) {
  return benchmarkSchema.parse(await (await relay.api('/api/v1/benchmark', { token })).json())
}

describe('the anonymous comparison', () => {
  it('sends nothing while the commune has not opted in', async () => {
    const { state, relayFetch } = network()
    const test = await connected({ relayFetch })
    const campaignId = await campaign(test)
    const status = await ok(test.core, test.session, 'comparison.status')
    expect(status).toMatchObject({ sharing: false, connected: true, band: 'de 200 à 499 habitants', item: null, problem: null })
    await test.core.portalSender.run({ all: true })
    expect(benchmarkCalls(state.sent)).toEqual([])
    expect(await ok(test.core, test.session, 'diagnostic.peers', { campaignId })).toMatchObject({ available: false, sharing: false, domains: [] })
    expect((await failure(test.core, test.session, 'comparison.refresh', {})).message).toContain('ne partage pas ses scores')
    expect(benchmarkCalls(state.sent)).toEqual([])
    expect((await failure(test.core, test.session, 'comparison.setSharing', { sharing: 'oui' } as never)).message).toContain(
      'Indiquez si la commune partage ses scores',
    )
  })

  it('on: sends only the band and the complete domains’ scores; no figure below 5 communes, then median and quartiles; off withdraws', async () => {
    const { state, relayFetch } = network()
    const test = await connected({ relayFetch })
    const { core, session } = test
    const campaignId = await campaign(test)
    const own = await gouvernanceScore(test, campaignId)
    expect(own).toBeGreaterThan(20)
    expect(own).toBeLessThan(90)

    // The relay is down when the secrétaire opts in: queued, said, sent later.
    state.down = true
    const on = await ok(core, session, 'comparison.setSharing', { sharing: true })
    expect(on).toMatchObject({ sharing: true, campaign: { id: campaignId, name: 'Diagnostic 2026', closed: false }, item: { state: 'en_attente' } })
    await core.portalSender.run()
    expect((await ok(core, session, 'comparison.status')).item!.lastError).toContain('Le relais ne répond pas')
    state.down = false
    state.sent.length = 0
    await core.portalSender.run({ all: true })

    // Exactly this, nothing else: no name, no INSEE code, no campaign, no population figure.
    expect(benchmarkCalls(state.sent)).toEqual([
      { method: 'PUT', path: '/api/v1/benchmark', body: { band: '200-499', scores: [{ domainId: 'gouvernance', score: own }] } },
    ])
    expect((await ok(core, session, 'comparison.status')).item).toMatchObject({ state: 'publie', kind: 'benchmark' })
    const alone = await ok(core, session, 'diagnostic.peers', { campaignId })
    expect(alone).toMatchObject({ available: false, sharing: true, contributors: 1, minimumCommunes: 5, domains: [], communes: 0 })
    expect(alone.receivedAt).not.toBeNull()
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM peer_benchmarks').get()).toEqual({ n: 0 })

    // Three others: still four, under the minimum — still no figure.
    for (const [i, token] of others.slice(0, 3).entries()) {
      const put = await relay.api('/api/v1/benchmark', {
        method: 'PUT',
        token,
        json: { band: '200-499', scores: [{ domainId: 'gouvernance', score: [10, 20, 90][i]! }] },
      })
      expect(put.status).toBe(200)
    }
    await ok(core, session, 'comparison.refresh')
    expect(await ok(core, session, 'diagnostic.peers', { campaignId })).toMatchObject({ available: false, contributors: 4, domains: [] })

    // The fifth: 10, 20, own, 90, 95 → median = own, first quartile 20, third 90.
    await relay.api('/api/v1/benchmark', {
      method: 'PUT',
      token: others[3]!,
      json: { band: '200-499', scores: [{ domainId: 'gouvernance', score: 95 }] },
    })
    const refreshed = await ok(core, session, 'comparison.refresh')
    expect(refreshed.item).toMatchObject({ state: 'publie' })
    const peers = await ok(core, session, 'diagnostic.peers', { campaignId })
    expect(peers).toMatchObject({
      available: true,
      sharing: true,
      band: 'de 200 à 499 habitants',
      communes: 5,
      contributors: 5,
      minimumCommunes: 5,
      domains: [{ domainId: 'gouvernance', median: own, q1: 20, q3: 90, communes: 5 }],
    })

    // Off: the relay forgets the commune's figures, the desktop keeps none of the band's.
    state.sent.length = 0
    const off = await ok(core, session, 'comparison.setSharing', { sharing: false })
    expect(off).toMatchObject({ sharing: false, item: { action: 'delete' } })
    await core.portalSender.run()
    expect(benchmarkCalls(state.sent)).toEqual([{ method: 'DELETE', path: '/api/v1/benchmark', body: null }])
    expect((await bandSeenBy(others[0]!)).domains).toEqual([
      { domainId: 'gouvernance', communes: 4, enough: false, median: null, q1: null, q3: null },
    ])
    expect(await ok(core, session, 'diagnostic.peers', { campaignId })).toMatchObject({ available: false, sharing: false, domains: [] })
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM peer_benchmarks').get()).toEqual({ n: 0 })

    const trail = auditRows(core.database.sqlite, { entity: 'comparison' })
    expect(trail.map((r) => [r.action, r.field, r.before, r.after])).toEqual([
      ['update', 'sharing', false, true],
      ['update', 'sharing', true, false],
    ])
  })
})
