import { describe, expect, it } from 'vitest'
import type { PollInput } from '../../../shared/contract'
import { auditRows, failure, ok, testClock } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const clock = testClock('2026-05-04T10:00:00.000Z')
const setUp = setUpCorePerTest('polls', { now: clock.now })

function sondage(values: Partial<PollInput> = {}): PollInput {
  return {
    kind: 'sondage',
    title: 'Horaires de la bibliothèque',
    description: 'Aidez-nous à choisir les nouveaux horaires.',
    opensOn: '2026-05-10',
    closesOn: '2026-05-31',
    verification: 'email',
    results: 'en_direct',
    questions: [
      { kind: 'choix_unique', label: 'Quel jour préférez-vous ?', options: [{ label: 'Mercredi' }, { label: 'Samedi' }] },
      { kind: 'choix_multiple', label: 'Quels créneaux ?', options: [{ label: 'Matin' }, { label: 'Midi' }, { label: 'Soir' }] },
      { kind: 'texte_court', label: 'Une remarque ?', required: false, options: [{ label: 'oublié par le formulaire' }] },
    ],
    ...values,
  }
}

function insertAnswer(sqlite: { prepare(sql: string): { run(...args: unknown[]): unknown } }, externalId: string, relayId: number): void {
  sqlite
    .prepare(
      "INSERT INTO poll_answers (relay_url, relay_id, relay_seq, poll_external_id, answers, answered_at, received_at) VALUES ('https://relais.test', ?, ?, ?, '[]', '2026-05-11T08:00:00Z', '2026-05-11T08:05:00Z')",
    )
    .run(relayId, relayId, externalId)
}

describe('polls and votes (desktop side)', () => {
  it('saves a poll at once with ids for its questions and choices, queues it for the portal and journals it in words', async () => {
    const { core, session } = setUp()
    const poll = await ok(core, session, 'polls.create', sondage())
    expect(poll).toMatchObject({
      externalId: `consultation-${poll.id}`,
      kind: 'sondage',
      projectId: null,
      answers: 0,
      paperBallots: null,
      withdrawnAt: null,
      createdBy: 'Secrétariat',
      item: { state: 'en_attente', action: 'put', kind: 'poll' },
    })
    expect(poll.questions.map((q) => q.kind)).toEqual(['choix_unique', 'choix_multiple', 'texte_court'])
    // A short answer has no choices, whatever the form sent.
    expect(poll.questions[2]!.options).toEqual([])
    const ids = poll.questions.flatMap((q) => [q.id, ...q.options.map((o) => o.id)])
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)

    const payload = JSON.parse(
      (core.database.sqlite.prepare("SELECT payload FROM portal_outbox WHERE kind = 'poll'").get() as { payload: string }).payload,
    ) as { opensAt: string; closesAt: string; questions: unknown[] }
    // The commune's days: from midnight to 23:59:59, summer time in May.
    expect(payload.opensAt).toBe('2026-05-10T00:00:00+02:00')
    expect(payload.closesAt).toBe('2026-05-31T23:59:59+02:00')
    expect(payload.questions).toHaveLength(3)

    const trail = auditRows(core.database.sqlite, { entity: 'poll' })
    expect(trail).toHaveLength(1)
    expect(JSON.stringify(trail[0])).toContain('Quel jour préférez-vous ? (choix unique : Mercredi / Samedi)')
    expect((await ok(core, session, 'polls.list', {})).items.map((p) => p.title)).toEqual(['Horaires de la bibliothèque'])
  })

  it('keeps the ids of the questions and choices kept on an edit, and republishes it', async () => {
    const { core, session } = setUp()
    const poll = await ok(core, session, 'polls.create', sondage())
    const [day, slots] = poll.questions
    const edited = await ok(core, session, 'polls.update', {
      id: poll.id,
      poll: sondage({
        title: 'Horaires de la médiathèque',
        questions: [
          { ...slots!, options: [...slots!.options.slice(1), { label: 'Dimanche matin' }] },
          { ...day!, label: 'Quel jour vous convient le mieux ?' },
        ],
      }),
    })
    expect(edited.questions.map((q) => q.id)).toEqual([slots!.id, day!.id])
    expect(edited.questions[0]!.options.slice(0, 2).map((o) => o.id)).toEqual(slots!.options.slice(1).map((o) => o.id))
    expect(edited.questions[0]!.options[2]!.id).not.toMatch(new RegExp(slots!.options.map((o) => o.id).join('|')))
    expect(edited.item).toMatchObject({ state: 'en_attente', action: 'put', label: 'Horaires de la médiathèque' })
  })

  it('a vote is on a project: its options are the choices of one single-choice question', async () => {
    const { core, session } = setUp()
    const project = await ok(core, session, 'projects.create', { title: 'Aménagement de la place' })
    const vote = await ok(core, session, 'polls.create', {
      kind: 'vote',
      title: 'Quel aménagement pour la place ?',
      projectId: project.id,
      opensOn: '2026-06-01',
      closesOn: '2026-06-01',
      verification: 'habitant',
      questions: [{ kind: 'choix_unique', label: 'Votre choix', options: [{ label: 'Un jardin' }, { label: 'Des places de stationnement' }] }],
    })
    expect(vote).toMatchObject({ kind: 'vote', projectId: project.id, projectTitle: 'Aménagement de la place', results: 'a_la_cloture' })
    const payload = JSON.parse(
      (core.database.sqlite.prepare("SELECT payload FROM portal_outbox WHERE kind = 'poll'").get() as { payload: string }).payload,
    ) as { projectExternalId: string }
    expect(payload.projectExternalId).toBe(`projet-${project.id}`)

    expect(await failure(core, session, 'polls.create', { ...sondage(), kind: 'vote' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Choisissez le projet soumis au vote.'),
    })
    expect(await failure(core, session, 'polls.create', { ...sondage(), kind: 'vote', projectId: project.id })).toMatchObject({
      message: expect.stringContaining('Un vote porte sur une seule question à choix unique'),
    })
    expect(
      await failure(core, session, 'polls.create', { ...sondage(), kind: 'vote', projectId: 9999, questions: [sondage().questions[0]!] }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: "Le projet soumis au vote n'existe plus : choisissez-en un autre.",
    })
  })

  it('refuses bad input in French and saves nothing', async () => {
    const { core, session } = setUp()
    const refusals: [unknown, string][] = [
      [sondage({ opensOn: '2026-05-31', closesOn: '2026-05-10' }), 'La clôture ne peut pas précéder l’ouverture.'],
      [
        sondage({ questions: [{ kind: 'choix_unique', label: 'Oui ?', options: [{ label: 'Oui' }] }] }),
        'Une question à choix doit proposer au moins deux choix.',
      ],
      [
        sondage({
          questions: [{ kind: 'choix_multiple', label: 'Lequel ?', options: Array.from({ length: 31 }, (_, i) => ({ label: `Choix ${i + 1}` })) }],
        }),
        'Une question propose au plus 30 choix.',
      ],
      [
        sondage({ questions: [{ kind: 'choix_unique', label: 'Lequel ?', options: [{ label: 'Oui' }, { label: ' oui ' }] }] }),
        'Deux choix portent le même libellé',
      ],
      [sondage({ questions: [] }), 'Ajoutez au moins une question.'],
      [sondage({ title: '   ' }), 'Le titre est obligatoire.'],
      [sondage({ closesOn: '2026-02-31' }), "Cette date n'existe pas"],
      [sondage({ title: 'Sondage\u0000caché' }), 'caractères de contrôle'],
      [{ ...sondage(), verification: 'tout_le_monde' }, 'Choisissez qui peut répondre.'],
      [sondage({ questions: [{ id: 'q-forge', kind: 'texte_court', label: 'Remarque ?' }] }), 'Une question de ce formulaire n’existe plus'],
    ]
    for (const [input, message] of refusals) {
      const refused = await failure(core, session, 'polls.create', input)
      expect(refused.message, JSON.stringify(input).slice(0, 120)).toContain(message)
    }
    expect((await ok(core, session, 'polls.list', {})).items).toEqual([])
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM portal_outbox').get()).toEqual({ n: 0 })
  })

  it('keeps hostile text as plain text, as typed', async () => {
    const { core, session } = setUp()
    const poll = await ok(
      core,
      session,
      'polls.create',
      sondage({ title: '<script>alert("x")</script> & « vous »', description: '<img src=x onerror=alert(1)>' }),
    )
    expect((await ok(core, session, 'polls.get', { id: poll.id })).title).toBe('<script>alert("x")</script> & « vous »')
    expect(poll.description).toBe('<img src=x onerror=alert(1)>')
  })

  it('counts the answers received, and once there are some only words and dates may change', async () => {
    const { core, session } = setUp()
    const poll = await ok(core, session, 'polls.create', sondage())
    insertAnswer(core.database.sqlite, poll.externalId, 1)
    insertAnswer(core.database.sqlite, poll.externalId, 2)
    insertAnswer(core.database.sqlite, 'consultation-999', 3)
    expect((await ok(core, session, 'polls.get', { id: poll.id })).answers).toBe(2)

    const kept = poll.questions.map((q) => ({ ...q, options: q.options.map((o) => ({ ...o })) }))
    const removedChoice = await failure(core, session, 'polls.update', {
      id: poll.id,
      poll: sondage({ questions: [{ ...kept[0]!, options: kept[0]!.options }, { ...kept[1]!, options: kept[1]!.options.slice(0, 2) }, kept[2]!] }),
    })
    expect(removedChoice).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Des habitants ont déjà répondu') })
    const reworded = await ok(core, session, 'polls.update', {
      id: poll.id,
      poll: sondage({ closesOn: '2026-06-15', questions: [{ ...kept[0]!, label: 'Quel jour ?' }, kept[1]!, kept[2]!] }),
    })
    expect(reworded).toMatchObject({ closesOn: '2026-06-15', answers: 2 })
    expect(reworded.questions[0]!.label).toBe('Quel jour ?')
  })

  it('locks the questions and choices once paper ballots are entered, until they are removed', async () => {
    const { core, session } = setUp()
    const poll = await ok(core, session, 'polls.create', sondage())
    const kept = poll.questions.map((q) => ({ ...q, options: q.options.map((o) => ({ ...o })) }))
    const choice = poll.questions.find((q) => q.options.length > 2)!
    await ok(core, session, 'pollResults.setPaper', {
      pollId: poll.id,
      ballots: 5,
      counts: [{ questionId: choice.id, optionId: choice.options[0]!.id, count: 2 }],
    })
    const withoutChoice = sondage({ questions: kept.map((q) => (q.id === choice.id ? { ...q, options: [...q.options.slice(1)] } : q)) })
    const refused = await failure(core, session, 'polls.update', { id: poll.id, poll: withoutChoice })
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Des bulletins papier sont saisis') })
    expect((await ok(core, session, 'pollResults.get', { pollId: poll.id })).participation.paper).toBe(5)
    // The form locks the shape from what the poll says.
    expect((await ok(core, session, 'polls.get', { id: poll.id })).paperBallots).toBe(5)

    await ok(core, session, 'pollResults.removePaper', { pollId: poll.id })
    expect((await ok(core, session, 'polls.get', { id: poll.id })).paperBallots).toBeNull()
    const updated = await ok(core, session, 'polls.update', { id: poll.id, poll: withoutChoice })
    expect(updated.questions.find((q) => q.id === choice.id)!.options).toHaveLength(choice.options.length - 1)
  })

  it('withdraws a poll from the portal and publishes it again, keeping it in the desktop', async () => {
    const { core, session } = setUp()
    const poll = await ok(core, session, 'polls.create', sondage())
    const withdrawn = await ok(core, session, 'polls.withdraw', { id: poll.id })
    expect(withdrawn).toMatchObject({ item: { action: 'delete', state: 'en_attente' } })
    expect(withdrawn.withdrawnAt).not.toBeNull()
    // An edit of a withdrawn poll is kept here and not sent.
    const edited = await ok(core, session, 'polls.update', { id: poll.id, poll: sondage({ title: 'Horaires (brouillon)' }) })
    expect(edited.item).toMatchObject({ action: 'delete' })
    const back = await ok(core, session, 'polls.republish', { id: poll.id })
    expect(back).toMatchObject({ withdrawnAt: null, item: { action: 'put', label: 'Horaires (brouillon)' } })
    expect(await failure(core, session, 'polls.withdraw', { id: 424242 })).toMatchObject({ code: 'NOT_FOUND' })
  })
})
