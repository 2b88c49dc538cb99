import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Poll, PortalStatus } from '@shared/contract'
import { renderWithApp, type Answers } from '../../testing/render'
import { PollsPage } from './PollsPage'

const status = (connected: boolean): PortalStatus => ({
  connected,
  relayUrl: connected ? 'https://relais.example.fr' : null,
  commune: connected ? { code: '10145', name: 'Faux-Villecerf' } : null,
  portalUrl: null,
  connectedAt: null,
  connectedBy: null,
  tokenStorage: 'dossier',
  tokenMissing: false,
})

function poll(values: Partial<Poll> = {}): Poll {
  return {
    id: 4,
    externalId: 'consultation-4',
    kind: 'sondage',
    title: 'Horaires de la bibliothèque',
    description: 'Aidez-nous à choisir.',
    projectId: null,
    projectTitle: null,
    opensOn: '2026-12-01',
    closesOn: '2026-12-15',
    verification: 'habitant',
    results: 'en_direct',
    questions: [
      {
        id: 'q1',
        kind: 'choix_unique',
        label: 'Quel jour ?',
        required: true,
        options: [
          { id: 'o1', label: 'Mercredi' },
          { id: 'o2', label: 'Samedi' },
        ],
      },
    ],
    withdrawnAt: null,
    createdAt: '2026-12-01T09:00:00.000Z',
    createdBy: 'Secrétariat',
    updatedAt: '2026-12-01T09:00:00.000Z',
    answers: 0,
    paperBallots: null,
    item: {
      id: 9,
      kind: 'poll',
      action: 'put',
      externalId: 'consultation-4',
      label: 'Horaires de la bibliothèque',
      state: 'publie',
      lastError: null,
      attempts: 1,
      nextAttemptAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
      sentAt: '2026-12-01T09:00:05.000Z',
    },
    ...values,
  }
}

function render(items: Poll[], more: Answers = {}, connected = true) {
  return renderWithApp(<PollsPage />, {
    answers: {
      'polls.list': () => ({ items }),
      'portal.status': () => status(connected),
      'projects.list': () => ({ items: [], total: 0 }),
      ...more,
    },
  })
}

/** The row's « Actions » menu, then one of its items. */
async function chooseAction(app: ReturnType<typeof render>, title: string, action: string) {
  await app.user.click(await screen.findByRole('button', { name: `Actions pour « ${title} »` }))
  await app.user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: action }))
}

async function openNew(app: ReturnType<typeof render>) {
  await app.user.click(await screen.findByRole('button', { name: 'Nouvelle consultation' }))
  return screen.findByRole('dialog')
}

/** A new sondage's title and its first question with two choices; returns that question. */
async function writeFirstQuestion(app: ReturnType<typeof render>, dialog: HTMLElement) {
  await app.user.type(within(dialog).getByLabelText(/^Titre/), 'Horaires de la bibliothèque')
  const first = within(dialog).getByRole('group', { name: 'Question 1' })
  await app.user.type(within(first).getByLabelText(/^Intitulé de la question/), 'Quel jour ?')
  await app.user.type(within(first).getByLabelText('Choix 1'), 'Mercredi')
  await app.user.type(within(first).getByLabelText('Choix 2'), 'Samedi')
  return first
}

describe('PollsPage', () => {
  it('says what to do first, and that a poll is kept here while the commune is not connected', async () => {
    render([], {}, false)
    expect(await screen.findByText(/Aucune consultation pour l’instant/)).toBeTruthy()
    expect(screen.getByText(/elle est enregistrée ici et partira sur le portail/)).toBeTruthy()
    expect(within(screen.getByRole('note')).getByText(/n’est pas connectée au portail citoyen/)).toBeTruthy()
  })

  it('lists a poll with its kind, dates in French, who may answer, its state and its answers', async () => {
    render([poll({ answers: 3 })])
    const row = (await screen.findByRole('table', { name: 'Consultations' })).querySelectorAll('tbody tr')[0] as HTMLElement
    expect(within(row).getByText('Horaires de la bibliothèque')).toBeTruthy()
    expect(within(row).getByText('Sondage')).toBeTruthy()
    expect(within(row).getByText('du 1er décembre 2026 au 15 décembre 2026')).toBeTruthy()
    expect(within(row).getByText('Habitant vérifié (code remis par la mairie)')).toBeTruthy()
    expect(within(row).getByText('Publié')).toBeTruthy()
    expect(within(row).getByText('3 réponses')).toBeTruthy()
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('creates a sondage with two questions, a choice moved up with the keyboard, and no ids for what is new', async () => {
    const app = render([], { 'polls.create': () => poll() })
    const dialog = await openNew(app)
    const first = await writeFirstQuestion(app, dialog)
    await app.user.click(within(first).getByRole('button', { name: 'Ajouter un choix (Question 1)' }))
    // The new choice gets the focus: typed at once.
    await app.user.keyboard('Dimanche')
    expect((within(first).getByLabelText('Choix 3') as HTMLInputElement).value).toBe('Dimanche')

    // « Monter » with the keyboard: the choice moves and the focus follows it.
    within(first).getByRole('button', { name: 'Monter le choix 3' }).focus()
    await app.user.keyboard('{Enter}')
    expect((within(first).getByLabelText('Choix 2') as HTMLInputElement).value).toBe('Dimanche')
    await waitFor(() => expect(document.activeElement).toBe(within(first).getByRole('button', { name: 'Monter le choix 2' })))
    await app.user.keyboard('{Enter}')
    expect((within(first).getByLabelText('Choix 1') as HTMLInputElement).value).toBe('Dimanche')
    // At the top, « Monter » is off and the focus is on « Descendre ».
    await waitFor(() => expect(document.activeElement).toBe(within(first).getByRole('button', { name: 'Descendre le choix 1' })))
    await app.user.click(within(first).getByRole('button', { name: 'Retirer le choix 3' }))

    await app.user.click(within(dialog).getByRole('button', { name: 'Ajouter une question' }))
    const second = within(dialog).getByRole('group', { name: 'Question 2' })
    await app.user.keyboard('Une remarque ?')
    await app.user.click(within(second).getByRole('radio', { name: 'Réponse courte' }))
    await app.user.click(within(second).getByLabelText('Réponse obligatoire'))
    await app.user.click(within(dialog).getByLabelText('Habitant vérifié (code remis par la mairie)'))

    await app.user.click(within(dialog).getByRole('button', { name: 'Publier' }))
    await waitFor(() => expect(app.inputsOf('polls.create')).toHaveLength(1))
    expect(app.inputsOf('polls.create')[0]).toMatchObject({
      kind: 'sondage',
      title: 'Horaires de la bibliothèque',
      verification: 'habitant',
      results: 'a_la_cloture',
      projectId: null,
      questions: [
        { kind: 'choix_unique', label: 'Quel jour ?', required: true, options: [{ label: 'Dimanche' }, { label: 'Mercredi' }] },
        { kind: 'texte_court', label: 'Une remarque ?', required: false, options: [] },
      ],
    })
    const sent = app.inputsOf('polls.create')[0]!
    expect(sent.questions.flatMap((question) => [question.id, ...(question.options ?? []).map((option) => option.id)])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('shows the contract’s French messages beside the fields and sends nothing', async () => {
    const app = render([])
    const dialog = await openNew(app)
    await app.user.type(within(dialog).getByLabelText(/^Titre/), 'Fête du village')
    const opens = within(dialog).getByLabelText(/^Ouverture/)
    await app.user.clear(opens)
    await app.user.type(opens, '20/12/2099')
    const closes = within(dialog).getByLabelText(/^Clôture/)
    await app.user.clear(closes)
    await app.user.type(closes, '10/12/2099')
    const first = within(dialog).getByRole('group', { name: 'Question 1' })
    await app.user.type(within(first).getByLabelText(/^Intitulé de la question/), 'Quelle date ?')
    await app.user.type(within(first).getByLabelText('Choix 1'), 'Samedi')
    await app.user.type(within(first).getByLabelText('Choix 2'), 'samedi')
    await app.user.click(within(dialog).getByRole('button', { name: 'Publier' }))
    expect(await within(dialog).findByText('La clôture ne peut pas précéder l’ouverture.')).toBeTruthy()
    expect(within(first).getByText('Deux choix portent le même libellé : chaque choix doit être différent.')).toBeTruthy()
    expect(closes.getAttribute('aria-invalid')).toBe('true')
    expect(app.inputsOf('polls.create')).toEqual([])
  })

  it('asks before throwing away what was typed', async () => {
    const app = render([])
    const dialog = await openNew(app)
    await app.user.type(within(dialog).getByLabelText(/^Titre/), 'Fête du village')
    await app.user.click(within(dialog).getByRole('button', { name: 'Annuler' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    expect((within(dialog).getByLabelText(/^Titre/) as HTMLInputElement).value).toBe('Fête du village')
  })

  it('once answered, keeps the questions’ shape (controls off, said why) and sends back the ids it received', async () => {
    const app = render([poll({ answers: 2 })], { 'polls.update': () => poll({ answers: 2 }) })
    await chooseAction(app, 'Horaires de la bibliothèque', 'Modifier')
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('2 habitants ont déjà répondu')).toBeTruthy()
    const first = within(dialog).getByRole('group', { name: 'Question 1' })
    for (const name of ['Descendre le choix 1', 'Retirer le choix 1', 'Ajouter un choix (Question 1)', 'Retirer la question 1'])
      expect((within(first).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true)
    expect((within(dialog).getByRole('button', { name: 'Ajouter une question' }) as HTMLButtonElement).disabled).toBe(true)
    expect((within(first).getByRole('radio', { name: 'Réponse courte' }) as HTMLInputElement).disabled).toBe(true)

    const saturday = within(first).getByLabelText('Choix 2')
    await app.user.clear(saturday)
    await app.user.type(saturday, 'Samedi matin')
    await app.user.click(within(dialog).getByRole('button', { name: 'Enregistrer et republier' }))
    await waitFor(() => expect(app.inputsOf('polls.update')).toHaveLength(1))
    expect(app.inputsOf('polls.update')[0]!.poll.questions).toEqual([
      {
        id: 'q1',
        kind: 'choix_unique',
        label: 'Quel jour ?',
        required: true,
        options: [
          { id: 'o1', label: 'Mercredi' },
          { id: 'o2', label: 'Samedi matin' },
        ],
      },
    ])
  })

  it('with paper ballots entered, locks the questions’ shape on screen and says how to unlock it', async () => {
    const app = render([poll({ paperBallots: 12 })])
    await chooseAction(app, 'Horaires de la bibliothèque', 'Modifier')
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('12 bulletins papier sont saisis')).toBeTruthy()
    expect(within(dialog).getByText(/retirez d’abord les bulletins papier/)).toBeTruthy()
    const first = within(dialog).getByRole('group', { name: 'Question 1' })
    for (const name of ['Descendre le choix 1', 'Retirer le choix 1', 'Ajouter un choix (Question 1)', 'Retirer la question 1'])
      expect((within(first).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true)
    expect((within(dialog).getByRole('button', { name: 'Ajouter une question' }) as HTMLButtonElement).disabled).toBe(true)
    expect((within(first).getByRole('radio', { name: 'Réponse courte' }) as HTMLInputElement).disabled).toBe(true)
    // The wording stays free.
    expect((within(first).getByLabelText('Choix 2') as HTMLInputElement).disabled).toBe(false)
  })

  it('withdraws a poll after a confirmation, and publishes a withdrawn one again', async () => {
    const app = render([poll(), poll({ id: 5, title: 'Nom de la salle', withdrawnAt: '2026-12-02T09:00:00.000Z' })], {
      'polls.withdraw': () => poll({ withdrawnAt: '2026-12-02T10:00:00.000Z' }),
      'polls.republish': () => poll({ id: 5 }),
    })
    await chooseAction(app, 'Horaires de la bibliothèque', 'Retirer du portail')
    expect(await screen.findByText(/ne pourront plus y répondre/)).toBeTruthy()
    expect(app.inputsOf('polls.withdraw')).toEqual([])
    await app.user.click(screen.getByRole('button', { name: 'Retirer du portail' }))
    await waitFor(() => expect(app.inputsOf('polls.withdraw')).toEqual([{ id: 4 }]))
    expect(screen.getByText('Retirée du portail')).toBeTruthy()
    await chooseAction(app, 'Nom de la salle', 'Publier de nouveau')
    await waitFor(() => expect(app.inputsOf('polls.republish')).toEqual([{ id: 5 }]))
  })

  it('says a new poll waits for the relay, then, once the outbox sent it, that it is published — as its row does', async () => {
    const sent = poll().item!
    let items: Poll[] = []
    const app = render([], {
      'polls.list': () => ({ items }),
      'polls.create': () => {
        items = [poll({ item: { ...sent, state: 'en_attente', attempts: 0, sentAt: null } })]
        return items[0]!
      },
    })
    await writeFirstQuestion(app, await openNew(app))
    await app.user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Publier' }))

    const notice = await screen.findByRole('status')
    expect(within(notice).getByText('Horaires de la bibliothèque')).toBeTruthy()
    expect(within(notice).getByText('Consultation enregistrée : elle sera publiée dès que le relais répondra.')).toBeTruthy()
    const row = (await screen.findByRole('table', { name: 'Consultations' })).querySelectorAll('tbody tr')[0] as HTMLElement
    expect(within(row).getByText('En attente')).toBeTruthy()

    // The outbox sends it and says so (data.changed): the row and the notice say it is on the portal.
    items = [poll()]
    app.emit('data.changed', { domains: ['portal'] })
    expect(await within(notice).findByText('Consultation publiée sur le portail.')).toBeTruthy()
    expect(within(notice).queryByText(/sera publiée dès que le relais répondra/)).toBeNull()
    expect(within(row).getByText('Publié')).toBeTruthy()
    expect(screen.getAllByRole('status')).toHaveLength(1)
  })
})
