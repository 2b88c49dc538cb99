import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { NewsItem } from '@shared/contract'
import { failure, renderWithApp, type Rendered } from '../../testing/render'
import { outboxItem } from '../../testing/publications'
import { NewsSection } from './NewsSection'

const waiting = outboxItem({ id: 7, kind: 'news', externalId: 'actualite-3', label: 'Coupure d’eau' })

function item(values: Partial<NewsItem> = {}): NewsItem {
  return {
    id: 3,
    externalId: 'actualite-3',
    title: 'Coupure d’eau',
    body: 'Rue des Écoles, mardi matin.',
    topic: 'services',
    publishedOn: '2026-12-01',
    isAlert: true,
    alertUntil: '2026-12-02',
    withdrawnAt: null,
    createdAt: '2026-12-01T09:00:00.000Z',
    createdBy: 'Secrétariat',
    updatedAt: '2026-12-01T09:00:00.000Z',
    item: waiting,
    ...values,
  }
}

/** The « Actions » menu of « Coupure d’eau », then one of its items. */
async function chooseAction(app: Rendered, action: string) {
  await app.user.click(await screen.findByRole('button', { name: 'Actions pour « Coupure d’eau »' }))
  await app.user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: action }))
}

describe('NewsSection', () => {
  it('says what to do first when there is no news item yet', async () => {
    renderWithApp(<NewsSection />, { answers: { 'news.list': () => ({ items: [] }) } })
    expect(await screen.findByText(/Aucune actualité pour l’instant/)).toBeTruthy()
  })

  it('creates an alert only once its end date is given, with the French message of the contract', async () => {
    const app = renderWithApp(<NewsSection />, {
      answers: { 'news.list': () => ({ items: [] }), 'news.create': (input) => item({ ...(input as Partial<NewsItem>) }) },
    })
    await app.user.click(await screen.findByRole('button', { name: 'Nouvelle actualité' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.type(within(dialog).getByLabelText(/^Titre/), 'Coupure d’eau')
    await app.user.type(within(dialog).getByLabelText(/^Texte/), 'Rue des Écoles, mardi matin.')
    await app.user.click(
      within(dialog)
        .getAllByLabelText(/^Thème/)
        .find((element) => element.tagName === 'INPUT')!,
    )
    await app.user.click(await screen.findByRole('option', { name: 'Services de la mairie' }))
    await app.user.click(within(dialog).getByLabelText(/C’est une alerte/))
    await app.user.click(within(dialog).getByRole('button', { name: 'Publier' }))
    expect(await within(dialog).findByText('Une alerte doit avoir une date de fin.')).toBeTruthy()
    expect(app.inputsOf('news.create')).toEqual([])

    await app.user.type(within(dialog).getByLabelText(/^Fin de l’alerte/), '02/12/2099')
    await app.user.click(within(dialog).getByRole('button', { name: 'Publier' }))
    await waitFor(() => expect(app.inputsOf('news.create')).toHaveLength(1))
    expect(app.inputsOf('news.create')[0]).toMatchObject({ title: 'Coupure d’eau', topic: 'services', isAlert: true, alertUntil: '2099-12-02' })
  })

  it('lists an alert with its end and its state, and withdraws it after a confirmation', async () => {
    const app = renderWithApp(<NewsSection />, {
      answers: { 'news.list': () => ({ items: [item()] }), 'news.withdraw': () => item({ withdrawnAt: '2026-12-01T10:00:00.000Z' }) },
    })
    expect(await screen.findByText('Alerte jusqu’au 2 décembre 2026')).toBeTruthy()
    expect(screen.getByText('En attente')).toBeTruthy()
    await chooseAction(app, 'Retirer du portail')
    expect(await screen.findByText(/ne sera plus visible sur le portail/)).toBeTruthy()
    expect(app.inputsOf('news.withdraw')).toEqual([])
    await app.user.click(screen.getByRole('button', { name: 'Retirer du portail' }))
    await waitFor(() => expect(app.inputsOf('news.withdraw')).toEqual([{ id: 3 }]))
  })

  it('keeps what was typed when the main process refuses an edit, with its message under the field and above the buttons', async () => {
    const app = renderWithApp(<NewsSection />, {
      answers: {
        'news.list': () => ({ items: [item({ isAlert: false, alertUntil: null })] }),
        'news.update': () => failure('L’actualité n’est pas enregistrée.', [{ path: 'news.title', message: 'Ce titre est déjà pris.' }]),
      },
    })
    await chooseAction(app, 'Modifier')
    const dialog = await screen.findByRole('dialog')
    const title = within(dialog).getByLabelText(/^Titre/)
    await app.user.clear(title)
    await app.user.type(title, 'Coupure d’eau prolongée')
    await app.user.click(within(dialog).getByRole('button', { name: /Enregistrer/ }))
    expect(await within(dialog).findByText('Ce titre est déjà pris.')).toBeTruthy()
    expect(within(dialog).getByText('L’actualité n’est pas enregistrée.')).toBeTruthy()
    expect((within(dialog).getByLabelText(/^Titre/) as HTMLInputElement).value).toBe('Coupure d’eau prolongée')
  })

  it('says an edited item waits for the relay, then gives the relay’s reason once it is refused — as its row does', async () => {
    let items = [item({ isAlert: false, alertUntil: null, item: { ...waiting, state: 'publie', attempts: 1, sentAt: '2026-12-01T09:00:05.000Z' } })]
    const app = renderWithApp(<NewsSection />, {
      answers: {
        'news.list': () => ({ items }),
        'news.update': () => {
          items = [
            item({
              isAlert: false,
              alertUntil: null,
              updatedAt: '2026-12-01T10:00:00.000Z',
              item: { ...waiting, updatedAt: '2026-12-01T10:00:00.000Z' },
            }),
          ]
          return items[0]!
        },
      },
    })
    await chooseAction(app, 'Modifier')
    await app.user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /Enregistrer/ }))
    const notice = await screen.findByRole('status')
    expect(within(notice).getByText('Actualité enregistrée : elle sera publiée dès que le relais répondra.')).toBeTruthy()
    const row = screen.getByRole('table', { name: 'Actualités et alertes' }).querySelectorAll('tbody tr')[0] as HTMLElement
    await waitFor(() => expect(within(row).getByText('En attente')).toBeTruthy())

    const reason = 'La description contient des caractères non autorisés.'
    // As the main process stores it (the relay client's words); the screen says « Refusé par le relais » once.
    items = [{ ...items[0]!, item: { ...items[0]!.item!, state: 'erreur', attempts: 1, lastError: `Le relais a refusé : ${reason}` } }]
    app.emit('data.changed', { domains: ['portal'] })
    expect(await within(notice).findByText(`Refusé par le relais : ${reason}`)).toBeTruthy()
    expect(within(notice).queryByText(/sera publiée dès que le relais répondra/)).toBeNull()
    expect(within(row).getByText('Erreur')).toBeTruthy()
    expect(within(row).getByText(`Refusé par le relais : ${reason}`)).toBeTruthy()
  })
})
