/**
 * Publishing a project on the citizen portal through the outbox, against a real relay process on 127.0.0.1 (PGlite):
 * queued at once whatever the network, sent when the relay answers, retried with a growing delay, kept across a
 * restart of the core, republished when a shown field changes, withdrawn. Run by the relay suite.
 */
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { startRelayProcess, type RelayProcess } from '../../../relay/testing/relay-process'
import { createSetUpTemplate, createTestCore, dataDirFrom, ok, TempDirs, type TestCore } from '../testing'
import { createProject } from '../testing/projects'
import type { CoreOptions } from '../core'

const templates = new TempDirs('cap-commune-publish-template-')
const temp = new TempDirs('cap-commune-publish-')
let template: string
let relay: RelayProcess
const opened: TestCore[] = []

beforeAll(async () => {
  template = await createSetUpTemplate(templates.make())
  relay = await startRelayProcess('pglite', inject('relayDatabases'))
  await relay.admin('commune', 'add', '10145')
})
afterAll(async () => {
  await relay?.stop()
  templates.cleanup()
})
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
  temp.cleanup()
})

/** A network that can be cut: `down` makes every request to the relay fail as an unplugged cable would. */
function network() {
  const state = { down: false, requests: 0 }
  const relayFetch: typeof fetch = (url, init) => {
    state.requests++
    if (state.down) return Promise.reject(new TypeError('fetch failed'))
    return fetch(url, init)
  }
  return { state, relayFetch }
}

function desktop(dataDir: string, options: Partial<CoreOptions>): TestCore {
  const test = createTestCore(dataDir, { portalIntervalMs: 3_600_000, ...options })
  opened.push(test)
  return test
}

async function connected(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const test = desktop(dataDirFrom(template, join(temp.make(), 'data')), options)
  const code = (await relay.admin('commune', 'new-code', '10145')).at(-1)!
  await ok(test.core, test.session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
  return test
}

async function portalPage(externalId: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${relay.url}/10145/projets/${externalId}`)
  return { status: response.status, html: await response.text() }
}

describe('publishing a project through the outbox', () => {
  it('queues at once while the relay is unreachable, says why, retries later, then publishes', async () => {
    const { state, relayFetch } = network()
    const test = await connected({ relayFetch, now: () => new Date() })
    const { core, session } = test
    const project = await createProject(test, { title: 'Aire de jeux du bourg', description: 'Des jeux pour les 3-10 ans.' })

    state.down = true
    const queued = await ok(core, session, 'publications.publishProject', { projectId: project.id, fields: ['summary'] })
    expect(queued).toMatchObject({ published: true, fields: ['summary'], item: { state: 'en_attente', action: 'put', attempts: 0 } })

    const failed = await core.portalSender.run()
    expect(failed.problem).toContain('Le relais ne répond pas')
    const waiting = await ok(core, session, 'publications.project', { projectId: project.id })
    expect(waiting.item).toMatchObject({ state: 'en_attente', attempts: 1 })
    expect(waiting.item!.lastError).toContain('Le relais ne répond pas')
    // The next try waits (about a minute after the first failure): a timer run now sends nothing.
    expect(Date.parse(waiting.item!.nextAttemptAt) - Date.now()).toBeGreaterThan(50_000)
    state.down = false
    expect(await core.portalSender.run()).toEqual({ sent: 0, failed: 0, problem: null })
    expect((await portalPage(`projet-${project.id}`)).status).toBe(404)

    // « Envoyer maintenant » does not wait for the retry time.
    expect(await ok(core, session, 'publications.sendNow')).toEqual({ sent: 1, failed: 0, problem: null })
    const published = await ok(core, session, 'publications.project', { projectId: project.id })
    expect(published.item).toMatchObject({ state: 'publie', lastError: null })
    const page = await portalPage(`projet-${project.id}`)
    expect(page.status).toBe(200)
    expect(page.html).toContain('Aire de jeux du bourg')
    expect(page.html).toContain('Des jeux pour les 3-10 ans.')
  })

  it('keeps the queue across a restart of the core and sends it when the app starts again', async () => {
    const { state, relayFetch } = network()
    const first = await connected({ relayFetch })
    const project = await createProject(first, { title: 'Chemin des écoliers' })
    state.down = true
    await ok(first.core, first.session, 'publications.publishProject', { projectId: project.id, fields: [] })
    await first.core.portalSender.run()
    first.core.close()
    opened.splice(opened.indexOf(first), 1)

    state.down = false
    const again = desktop(first.dataDir, { relayFetch })
    const kept = await ok(again.core, again.session, 'publications.list')
    expect(kept.items).toMatchObject([{ label: 'Chemin des écoliers', state: 'en_attente', attempts: 1 }])
    expect(await again.core.portalSender.run({ all: true })).toMatchObject({ sent: 1 })
    expect((await portalPage(`projet-${project.id}`)).html).toContain('Chemin des écoliers')
  })

  it('republishes when a shown field changes, not otherwise, shows only the ticked fields, and withdraws', async () => {
    const test = await connected()
    const { core, session } = test
    const project = await createProject(test, {
      title: 'Rénovation du lavoir',
      description: 'Toiture et bassin.',
      budgetPlannedCents: 4_500_000,
      startOn: '2026-05-04',
    })
    await ok(core, session, 'publications.publishProject', { projectId: project.id, fields: ['progress'] })
    await core.portalSender.run()
    let page = await portalPage(`projet-${project.id}`)
    expect(page.html).toContain('Rénovation du lavoir')
    expect(page.html).not.toContain('Toiture et bassin')
    expect(page.html).not.toMatch(/45\s000/)

    const { id, ...fields } = (await ok(core, session, 'projects.get', { id: project.id })) as typeof project
    const editable = {
      title: fields.title,
      description: fields.description,
      domainId: fields.domainId,
      status: fields.status,
      priority: fields.priority,
      referentMemberId: fields.referentMemberId,
      startOn: fields.startOn,
      endOn: fields.endOn,
      budgetPlannedCents: fields.budgetPlannedCents,
      budgetCommittedCents: fields.budgetCommittedCents,
      budgetSpentCents: fields.budgetSpentCents,
      themeIds: fields.themeIds,
      criterionIds: fields.criterionIds,
    }
    // A change of a field not shown (the budget) queues nothing.
    await ok(core, session, 'projects.update', { id, ...editable, budgetPlannedCents: 5_000_000 })
    expect((await ok(core, session, 'publications.project', { projectId: id })).item).toMatchObject({ state: 'publie' })

    // The title is always shown: renaming republishes it.
    await ok(core, session, 'projects.update', { id, ...editable, title: 'Restauration du lavoir' })
    expect((await ok(core, session, 'publications.project', { projectId: id })).item).toMatchObject({ state: 'en_attente' })
    await core.portalSender.run()
    page = await portalPage(`projet-${id}`)
    expect(page.html).toContain('Restauration du lavoir')

    // The progress is shown: a task done republishes it.
    const task = await ok(core, session, 'tasks.create', { projectId: id, title: 'Devis', status: 'faite' })
    await ok(core, session, 'tasks.create', { projectId: id, title: 'Travaux' })
    expect((await ok(core, session, 'publications.project', { projectId: id })).item).toMatchObject({ state: 'en_attente' })
    await core.portalSender.run()
    expect((await portalPage(`projet-${id}`)).html).toMatch(/50\s?%/)
    expect(task.id).toBeGreaterThan(0)

    const withdrawn = await ok(core, session, 'publications.withdrawProject', { projectId: id })
    expect(withdrawn).toMatchObject({ published: false, item: { action: 'delete', state: 'en_attente' } })
    await core.portalSender.run()
    expect((await portalPage(`projet-${id}`)).status).toBe(404)
    expect((await ok(core, session, 'publications.project', { projectId: id })).item).toMatchObject({ action: 'delete', state: 'publie' })
  })

  it('withdraws a published project from the portal when the project is deleted', async () => {
    const test = await connected()
    const project = await createProject(test, { title: 'Salle des fêtes' })
    await ok(test.core, test.session, 'publications.publishProject', { projectId: project.id, fields: [] })
    await test.core.portalSender.run()
    expect((await portalPage(`projet-${project.id}`)).status).toBe(200)
    await ok(test.core, test.session, 'projects.remove', { id: project.id })
    const list = await ok(test.core, test.session, 'publications.list')
    expect(list.items).toMatchObject([{ label: 'Salle des fêtes', action: 'delete', state: 'en_attente' }])
    await test.core.portalSender.run()
    expect((await portalPage(`projet-${project.id}`)).status).toBe(404)
  })
})
