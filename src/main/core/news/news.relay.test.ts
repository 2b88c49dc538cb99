/**
 * News items and alerts written in the desktop, sent through the outbox to a real relay process on 127.0.0.1
 * (PGlite) with a real SMTP server: shown on the commune's page, an alert mailed at once, edits republished, a
 * withdrawn item gone from the portal and back when published again. Run by the relay suite.
 */
import { describe, expect, it } from 'vitest'
import { TestCitizen } from '../../../relay/testing/citizen'
import { failure, ok } from '../testing'
import type { CoreOptions } from '../core'
import { relayForDesktopTests } from '../testing/relay-desktop'

const fixture = relayForDesktopTests('news')
const connected = (options: Partial<CoreOptions> = {}) => fixture.connected(options)

async function communePage(): Promise<string> {
  return (await fetch(`${fixture.relay.url}/10145`)).text()
}

/** A day from today, AAAA-MM-JJ. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

describe('news items and alerts through the outbox', () => {
  it('publishes an item on the commune page, republishes an edit, withdraws it and publishes it again', async () => {
    const { core, session } = await connected()
    const created = await ok(core, session, 'news.create', {
      title: 'Marché de Noël sur la place',
      body: 'Samedi 12 décembre, de 10 h à 18 h, avec les écoles.',
      topic: 'culture_sport',
      publishedOn: dayFromToday(0),
    })
    expect(created).toMatchObject({ externalId: `actualite-${created.id}`, withdrawnAt: null, item: { state: 'en_attente', action: 'put' } })
    expect(await communePage()).not.toContain('Marché de Noël sur la place')

    expect(await core.portalSender.run()).toMatchObject({ sent: 1, failed: 0 })
    expect(await communePage()).toContain('Marché de Noël sur la place')
    expect((await ok(core, session, 'news.list', {})).items[0]!.item).toMatchObject({ state: 'publie' })

    await ok(core, session, 'news.update', {
      id: created.id,
      news: {
        title: 'Marché de Noël sur la place',
        body: 'Samedi 12 décembre, de 10 h à 19 h.',
        topic: 'culture_sport',
        publishedOn: dayFromToday(0),
      },
    })
    await core.portalSender.run()
    expect(await communePage()).toContain('de 10 h à 19 h.')

    const withdrawn = await ok(core, session, 'news.withdraw', { id: created.id })
    expect(withdrawn.withdrawnAt).not.toBeNull()
    expect(withdrawn.item).toMatchObject({ action: 'delete', state: 'en_attente' })
    // Edited while off the portal: it stays off.
    await ok(core, session, 'news.update', {
      id: created.id,
      news: { title: 'Marché de Noël (annulé)', body: 'Annulé.', topic: 'culture_sport', publishedOn: dayFromToday(0) },
    })
    expect(await core.portalSender.run()).toMatchObject({ sent: 1 })
    expect(await communePage()).not.toContain('Marché de Noël')

    await ok(core, session, 'news.republish', { id: created.id })
    await core.portalSender.run()
    expect(await communePage()).toContain('Marché de Noël (annulé)')
  })

  it('mails an alert at once to the citizens who accept alerts, and says in French what an alert lacks', async () => {
    const citizen = new TestCitizen(fixture.relay, '10145')
    await citizen.signIn(fixture.smtp, 'habitante@example.fr', 'Claire')
    const { core, session } = await connected()

    const noEnd = await failure(core, session, 'news.create', {
      title: 'Coupure d’eau',
      body: 'Rue des Écoles.',
      topic: 'services',
      publishedOn: dayFromToday(0),
      isAlert: true,
    })
    expect(noEnd.message).toContain('Une alerte doit avoir une date de fin.')
    const endBefore = await failure(core, session, 'news.create', {
      title: 'Coupure d’eau',
      body: 'Rue des Écoles.',
      topic: 'services',
      publishedOn: dayFromToday(1),
      isAlert: true,
      alertUntil: dayFromToday(0),
    })
    expect(endBefore.message).toContain('La fin de l’alerte ne peut pas précéder la date de l’actualité.')
    const noTopic = await failure(core, session, 'news.create', { title: 'x', body: 'y', topic: 'piscine', publishedOn: dayFromToday(0) })
    expect(noTopic.message).toContain('Choisissez le thème de l’actualité.')
    expect((await ok(core, session, 'news.list', {})).items).toEqual([])

    const alert = await ok(core, session, 'news.create', {
      title: 'Coupure d’eau rue des Écoles',
      body: 'Mardi de 8 h à 12 h, pour des travaux sur le réseau.',
      topic: 'services',
      publishedOn: dayFromToday(0),
      isAlert: true,
      alertUntil: dayFromToday(1),
    })
    expect(alert).toMatchObject({ isAlert: true, alertUntil: dayFromToday(1) })
    await core.portalSender.run()
    const mail = await fixture.smtp.waitFor('habitante@example.fr', (m) => m.subject.startsWith('Alerte'))
    expect(mail.subject).toContain('Coupure d’eau rue des Écoles')
    expect(mail.text).toContain('Mardi de 8 h à 12 h')
    const page = await communePage()
    expect(page.indexOf('Alerte : Coupure d’eau rue des Écoles')).toBeLessThan(page.indexOf('<h1>'))
  })
})
