/**
 * What happens while the app simply runs, against a real relay process on 127.0.0.1 (PGlite): the desktop pulls the
 * citizens' contributions and sends its outbox on its own timers (no « Synchroniser maintenant »), saying what the
 * sync is doing in words; the outbox's retries wait longer and longer; a refusal by the relay waits in « erreur » with
 * the relay's reason until the mairie asks again. Run by the relay suite.
 */
import { describe, expect, it } from 'vitest'
import { TestCitizen } from '../../../relay/testing/citizen'
import { ok, testClock } from '../testing'
import { createProject } from '../testing/projects'
import { relayForDesktopTests } from '../testing/relay-desktop'
import { retryDelayMs } from './outbox'

const fixture = relayForDesktopTests('background')

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`toujours pas au bout de ${timeoutMs} ms : ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the desktop while it runs', () => {
  it('pulls what citizens sent and publishes its outbox on its own timers, the sync in progress said in words', async () => {
    const test = await fixture.connected({ pullIntervalMs: 250, portalIntervalMs: 250 })
    const { core, session } = test
    const progress: string[] = []
    const stopListening = core.onEvent((event, payload) => {
      if (event === 'progress' && (payload as { task: string }).task === 'citoyens') progress.push((payload as { label: string }).label)
    })
    const project = await createProject(test, { title: 'Jardin partagé des Tilleuls' })
    await ok(core, session, 'publications.publishProject', { projectId: project.id, fields: [] })

    const citizen = new TestCitizen(fixture.relay, '10145')
    await citizen.signIn(fixture.smtp, 'jardin@example.fr', 'Lucie P.')
    for (const title of ['Des bancs au jardin', 'Un composteur']) {
      const sent = await citizen.post(
        '/10145/contribuer',
        { kind: 'proposition', topic: 'autre', title, body: 'Merci.' },
        { from: '/10145/contribuer' },
      )
      expect(sent.status).toBe(303)
    }

    // Nothing was asked: the app's timers do it (every 5 minutes in the app, a quarter of a second here).
    core.warmUp()
    await until('deux contributions reçues', async () => (await ok(core, session, 'citizens.syncStatus')).total === 2)
    await until('le projet publié', async () => (await ok(core, session, 'publications.project', { projectId: project.id })).item?.state === 'publie')
    stopListening()

    expect((await fetch(`${fixture.relay.url}/10145/projets/projet-${project.id}`)).status).toBe(200)
    const status = await ok(core, session, 'citizens.syncStatus')
    expect(status).toMatchObject({ connected: true, lastSyncNew: 2, lastError: null })
    expect(status.lastSyncAt).not.toBeNull()
    expect(progress[0]).toBe('Connexion au portail citoyen…')
    expect(progress).toContain('2 éléments reçus, dont 2 nouvelles contributions…')
    // Another tick brings nothing twice.
    const before = status.lastSyncAt!
    await until('une synchronisation de plus', async () => (await ok(core, session, 'citizens.syncStatus')).lastSyncAt! > before)
    expect(await ok(core, session, 'citizens.syncStatus')).toMatchObject({ total: 2, lastSyncNew: 0 })
  })

  it('waits longer after each failed try (1 min, 2, 4… never more than an hour), and sends at once when asked', async () => {
    const clock = testClock('2026-12-01T08:00:00.000Z')
    let down = false
    const relayFetch: typeof fetch = (input, init) => (down ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init))
    // The relay is reached for pairing; then the cable is pulled.
    const offline = await fixture.connected({ now: clock.now, relayFetch })
    down = true
    const project = await createProject(offline, { title: 'Mare communale' })
    await ok(offline.core, offline.session, 'publications.publishProject', { projectId: project.id, fields: [] })

    const waits: number[] = []
    for (let attempt = 1; attempt <= 8; attempt++) {
      const item = (await ok(offline.core, offline.session, 'publications.project', { projectId: project.id })).item!
      clock.set(item.nextAttemptAt)
      expect((await offline.core.portalSender.run()).problem).toContain('Le relais ne répond pas')
      const after = (await ok(offline.core, offline.session, 'publications.project', { projectId: project.id })).item!
      expect(after).toMatchObject({ state: 'en_attente', attempts: attempt })
      expect(after.lastError).toContain('Le relais ne répond pas')
      waits.push((Date.parse(after.nextAttemptAt) - clock.now().getTime()) / 60_000)
      // Before its time, the timer tries nothing.
      clock.set(new Date(Date.parse(after.nextAttemptAt) - 1_000).toISOString())
      expect(await offline.core.portalSender.run()).toEqual({ sent: 0, failed: 0, problem: null })
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60])
    expect(retryDelayMs(40)).toBe(60 * 60_000)

    down = false
    expect(await ok(offline.core, offline.session, 'publications.sendNow')).toEqual({ sent: 1, failed: 0, problem: null })
    expect((await ok(offline.core, offline.session, 'publications.project', { projectId: project.id })).item).toMatchObject({
      state: 'publie',
      lastError: null,
    })
  })

  it('keeps an item the relay refuses in « erreur » with the relay’s reason, not retried until asked', async () => {
    let refuse = true
    const relayFetch: typeof fetch = (input, init) =>
      refuse && String(input as string).includes('/api/v1/projects/')
        ? Promise.resolve(
            new Response(JSON.stringify({ code: 'contenu_refuse', message: 'Le résumé contient une adresse de site interdite.' }), {
              status: 422,
              headers: { 'Content-Type': 'application/json' },
            }),
          )
        : fetch(input, init)
    const test = await fixture.connected({ relayFetch })
    const { core, session } = test
    const project = await createProject(test, { title: 'Site de la fête', description: 'Voir le site.' })
    await ok(core, session, 'publications.publishProject', { projectId: project.id, fields: ['summary'] })

    expect(await core.portalSender.run()).toMatchObject({ sent: 0, failed: 1 })
    const list = await ok(core, session, 'publications.list')
    expect(list.counts).toEqual({ en_attente: 0, publie: 0, erreur: 1 })
    expect(list.items[0]).toMatchObject({
      label: 'Site de la fête',
      state: 'erreur',
      lastError: 'Le relais a refusé : Le résumé contient une adresse de site interdite.',
    })
    // The timers leave it alone, even long after.
    refuse = false
    expect(await core.portalSender.run()).toEqual({ sent: 0, failed: 0, problem: null })
    expect((await ok(core, session, 'publications.list')).counts.erreur).toBe(1)
    // « Envoyer maintenant » tries it again.
    expect(await ok(core, session, 'publications.sendNow')).toMatchObject({ sent: 1, failed: 0 })
    expect((await ok(core, session, 'publications.list')).counts).toEqual({ en_attente: 0, publie: 1, erreur: 0 })
  })
})
