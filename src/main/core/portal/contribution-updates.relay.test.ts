/**
 * The mairie's decisions on a contribution against a real relay process on 127.0.0.1 (PGlite): the answer, the status
 * and the moderation reach the relay and the citizen reads them in « Mes contributions »; with the relay down the
 * change waits (« En attente d’envoi » with the reason) and is sent once the relay answers again; a pull meanwhile
 * does not undo it. Run by the relay suite.
 */
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { startRelayProcess, type RelayProcess } from '../../../relay/testing/relay-process'
import { TestCitizen } from '../../../relay/testing/citizen'
import { startSmtp, type TestSmtp } from '../../../relay/testing/smtp'
import { createSetUpTemplate, createTestCore, dataDirFrom, ok, TempDirs, testClock, type TestCore } from '../testing'

const templates = new TempDirs('cap-commune-answers-template-')
const temp = new TempDirs('cap-commune-answers-')
let template: string
let relay: RelayProcess
let smtp: TestSmtp
const opened: TestCore[] = []

beforeAll(async () => {
  template = await createSetUpTemplate(templates.make())
  smtp = await startSmtp()
  relay = await startRelayProcess('pglite', inject('relayDatabases'), { env: { RELAY_SMTP_URL: smtp.url }, dataDir: temp.make() })
  await relay.admin('commune', 'add', '10145')
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

describe('the mairie’s decisions on a contribution', () => {
  it('reach the relay and the citizen’s « Mes contributions »; with the relay down they wait, then go once it is back', async () => {
    const network = { down: false }
    const relayFetch: typeof fetch = async (input, init) => {
      if (network.down) throw new TypeError('fetch failed')
      return fetch(input, init)
    }
    const clock = testClock(new Date().toISOString())
    const test = createTestCore(dataDirFrom(template, join(temp.make(), 'data')), { relayFetch, now: clock.now, portalIntervalMs: 3_600_000 })
    opened.push(test)
    const { core, session } = test
    const code = (await relay.admin('commune', 'new-code', '10145')).at(-1)!
    await ok(core, session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })

    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'jeanne@example.fr', 'Jeanne B.')
    const sent = await citizen.post(
      '/10145/contribuer',
      { kind: 'besoin', topic: 'voirie', title: 'Nid-de-poule', body: 'Devant le n° 12.' },
      { from: '/10145/contribuer' },
    )
    expect(sent.status).toBe(303)
    await ok(core, session, 'citizens.syncNow')
    const [item] = (await ok(core, session, 'citizens.list', {})).items
    expect(item).toMatchObject({ title: 'Nid-de-poule', status: 'recue', moderation: 'en_attente', sync: null })

    // Answer, status and publication: saved at once, then sent.
    const answer = 'Merci : l’équipe technique passe jeudi. <b>Pas de HTML</b>'
    const saved = await ok(core, session, 'citizens.update', { id: item!.id, status: 'a_l_etude', publicAnswer: answer, moderation: 'publiee' })
    expect(saved.sync?.state).toBe('en_attente')
    expect(await core.portalSender.run()).toMatchObject({ sent: 1, failed: 0 })
    expect((await ok(core, session, 'citizens.get', { id: item!.id })).sync).toMatchObject({ state: 'envoye', error: null })
    let mine = (await citizen.get('/10145/mes-contributions')).html
    expect(mine).toContain('Merci : l’équipe technique passe jeudi. &lt;b&gt;Pas de HTML&lt;/b&gt;')
    expect(mine).toContain('À l’étude')
    expect(mine).toContain('· publiée')

    // The relay is unreachable: hiding waits on this computer, with the reason, and is retried later.
    network.down = true
    await ok(core, session, 'citizens.update', { id: item!.id, moderation: 'masquee', status: 'non_retenue' })
    const report = await core.portalSender.run()
    expect(report.problem).toContain('Le relais ne répond pas')
    const waiting = await ok(core, session, 'citizens.get', { id: item!.id })
    expect(waiting).toMatchObject({ moderation: 'masquee', status: 'non_retenue' })
    expect(waiting.sync).toMatchObject({ state: 'en_attente', attempts: 1, error: expect.stringContaining('Le relais ne répond pas') })
    // A pull cannot run either; nothing is lost.
    expect((await ok(core, session, 'citizens.syncNow')).problem).toContain('Le relais ne répond pas')
    expect((await citizen.get('/10145/mes-contributions')).html).toContain('· publiée')

    // Back up: not before the retry time, then sent.
    network.down = false
    expect(await core.portalSender.run()).toMatchObject({ sent: 0 })
    clock.set(new Date(clock.now().getTime() + 61_000).toISOString())
    expect(await core.portalSender.run()).toMatchObject({ sent: 1, failed: 0 })
    mine = (await citizen.get('/10145/mes-contributions')).html
    expect(mine).toContain('Masquée')
    expect(mine).not.toContain('· publiée')
    // The next pull brings the relay's version, which is the mairie's: nothing reverts.
    await ok(core, session, 'citizens.syncNow')
    expect(await ok(core, session, 'citizens.get', { id: item!.id })).toMatchObject({
      moderation: 'masquee',
      status: 'non_retenue',
      publicAnswer: answer,
      sync: { state: 'envoye' },
    })
  })

  it('shows a refusal of the relay as « Erreur d’envoi » with its reason, sent again only when asked', async () => {
    const test = createTestCore(dataDirFrom(template, join(temp.make(), 'data')), { portalIntervalMs: 3_600_000 })
    opened.push(test)
    const { core, session } = test
    const code = (await relay.admin('commune', 'new-code', '10145')).at(-1)!
    await ok(core, session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'paul@example.fr', 'Paul R.')
    await citizen.post(
      '/10145/contribuer',
      { kind: 'proposition', topic: 'environnement', title: 'Des bancs', body: 'Au lavoir.' },
      { from: '/10145/contribuer' },
    )
    await ok(core, session, 'citizens.syncNow')
    const item = (await ok(core, session, 'citizens.list', { search: 'bancs' })).items[0]!
    // The relay no longer has it (a contribution id it does not know): a refusal, not a retry.
    test.core.database.sqlite.prepare('UPDATE contributions SET relay_id = 999999 WHERE id = ?').run(item.id)
    await ok(core, session, 'citizens.update', { id: item.id, status: 'retenue' })
    await core.portalSender.run()
    const refused = await ok(core, session, 'citizens.get', { id: item.id })
    expect(refused.sync).toMatchObject({ state: 'erreur', nextAttemptAt: null })
    expect(refused.sync?.error).toMatch(/relais a refusé|n’existe/)
    // Not sent again by itself; « Renvoyer » tries again.
    expect(await core.portalSender.run()).toMatchObject({ sent: 0, failed: 0 })
    expect(await ok(core, session, 'citizens.sendNow', {})).toMatchObject({ failed: 1 })
  })
})
