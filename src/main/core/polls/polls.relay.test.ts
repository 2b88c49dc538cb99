/**
 * Polls written in the desktop, sent through the outbox to a real relay process on 127.0.0.1 (PGlite) with a real
 * SMTP server: the poll opens on the portal, a signed-in citizen answers it there, the pull brings the answer and the
 * desktop counts it, an edit is republished, and a withdrawn poll is gone from the portal. Run by the relay suite.
 */
import { describe, expect, it } from 'vitest'
import { TestCitizen } from '../../../relay/testing/citizen'
import { ok } from '../testing'
import { relayForDesktopTests } from '../testing/relay-desktop'

const fixture = relayForDesktopTests('polls')
const connected = () => fixture.connected({ pullIntervalMs: 3_600_000 })

/** A day from today, AAAA-MM-JJ. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

describe('polls through the outbox, answered on the portal, counted in the desktop', () => {
  it('publishes a poll, a citizen answers it on the portal, the pull brings the answer, an edit is republished, withdraw removes it', async () => {
    const { core, session } = await connected()
    const poll = await ok(core, session, 'polls.create', {
      kind: 'sondage',
      title: 'Horaires de la bibliothèque',
      description: 'Aidez-nous à choisir.',
      opensOn: dayFromToday(-1),
      closesOn: dayFromToday(7),
      verification: 'email',
      results: 'en_direct',
      questions: [
        { kind: 'choix_unique', label: 'Quel jour préférez-vous ?', options: [{ label: 'Mercredi' }, { label: 'Samedi' }] },
        { kind: 'texte_court', label: 'Une remarque ?', required: false },
      ],
    })
    expect(poll.item).toMatchObject({ state: 'en_attente' })
    const path = `/10145/sondages/${poll.externalId}`
    expect((await fetch(`${fixture.relay.url}${path}`)).status).toBe(404)

    expect(await core.portalSender.run()).toMatchObject({ sent: 1, failed: 0 })
    expect((await ok(core, session, 'polls.get', { id: poll.id })).item).toMatchObject({ state: 'publie' })
    const citizen = new TestCitizen(fixture.relay, '10145')
    await citizen.signIn(fixture.smtp, 'lectrice@example.fr', 'Lectrice')
    const page = await citizen.get(path)
    expect(page.html).toContain('Horaires de la bibliothèque')
    expect(page.html).toContain('Quel jour préférez-vous ?')

    const [day, remark] = poll.questions
    const saturday = day!.options[1]!
    const answered = await citizen.post(path, { [`q_${day!.id}`]: saturday.id, [`q_${remark!.id}`]: 'Ouvrir plus tard le soir' })
    expect(answered.status, answered.html.slice(0, 300)).toBe(200)

    expect((await ok(core, session, 'polls.get', { id: poll.id })).answers).toBe(0)
    await core.citizensPuller.run()
    expect((await ok(core, session, 'polls.get', { id: poll.id })).answers).toBe(1)
    const stored = core.database.sqlite.prepare('SELECT answers FROM poll_answers WHERE poll_external_id = ?').get(poll.externalId) as {
      answers: string
    }
    expect(JSON.parse(stored.answers)).toEqual(expect.arrayContaining([expect.objectContaining({ questionId: day!.id, optionIds: [saturday.id] })]))
    // The same pull again changes nothing.
    await core.citizensPuller.run()
    expect((await ok(core, session, 'polls.list', {})).items[0]!.answers).toBe(1)

    // Words may still be corrected once answered: republished with the same ids.
    await ok(core, session, 'polls.update', {
      id: poll.id,
      poll: {
        kind: 'sondage',
        title: 'Horaires de la bibliothèque municipale',
        opensOn: dayFromToday(-1),
        closesOn: dayFromToday(10),
        verification: 'email',
        results: 'en_direct',
        questions: poll.questions,
      },
    })
    expect(await core.portalSender.run()).toMatchObject({ sent: 1 })
    expect((await citizen.get(path)).html).toContain('Horaires de la bibliothèque municipale')

    await ok(core, session, 'polls.withdraw', { id: poll.id })
    expect(await core.portalSender.run()).toMatchObject({ sent: 1 })
    expect((await fetch(`${fixture.relay.url}${path}`)).status).toBe(404)
    // Kept in the desktop with its answer, and back on the portal when published again.
    expect((await ok(core, session, 'polls.get', { id: poll.id })).answers).toBe(1)
    await ok(core, session, 'polls.republish', { id: poll.id })
    await core.portalSender.run()
    expect((await fetch(`${fixture.relay.url}${path}`)).status).toBe(200)
  })
})
