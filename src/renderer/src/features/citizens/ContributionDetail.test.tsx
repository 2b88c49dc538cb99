import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ContributionDetail } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { ContributionDrawer } from './ContributionDetail'

function detail(values: Partial<ContributionDetail> = {}): ContributionDetail {
  return {
    id: 1,
    kind: 'besoin',
    title: 'Nid-de-poule <b>rue</b>',
    excerpt: 'Devant le n° 12.',
    body: 'Devant le n° 12. <script>alert(1)</script>',
    topic: 'voirie',
    address: '12 rue de l’Église',
    latitude: null,
    longitude: null,
    authorDisplayName: 'Jeanne B.',
    authorPseudonymousId: 'c-1',
    status: 'recue',
    moderation: 'masquee',
    publicAnswer: null,
    answered: false,
    reports: 4,
    reportsBy: { spam: 3, offensant: 1, hors_sujet: 0 },
    createdAt: '2026-11-30T10:00:00.000Z',
    updatedAt: '2026-11-30T10:00:00.000Z',
    receivedAt: '2026-11-30T10:05:00.000Z',
    seen: true,
    photos: 0,
    firstPhotoId: null,
    photoList: [],
    project: null,
    themeId: null,
    themeName: null,
    duplicateOf: null,
    sync: null,
    ...values,
  }
}

// A 1×1 PNG.
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

describe('ContributionDrawer: the photo', () => {
  it('closes only the full-size photo on Échap, then the panel on a second Échap', async () => {
    let closed = 0
    const app = renderWithApp(<ContributionDrawer id={1} onClose={() => closed++} />, {
      answers: {
        'citizens.get': () => detail({ photos: 1, firstPhotoId: 5, photoList: [{ id: 5, width: 1, height: 1, problem: null }] }),
        'citizens.photo': () => ({ mimeType: 'image/png', contentBase64: PIXEL }),
      },
    })
    await app.user.click(await screen.findByRole('button', { name: 'Agrandir la photo 1' }))
    expect(await screen.findByRole('dialog', { name: 'Photo 1 sur 1' })).toBeTruthy()
    await app.user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Photo 1 sur 1' })).toBeNull())
    expect(closed).toBe(0)
    expect(screen.getByRole('heading', { name: 'Nid-de-poule <b>rue</b>' })).toBeTruthy()
    await app.user.keyboard('{Escape}')
    await waitFor(() => expect(closed).toBe(1))
  })
})

describe('ContributionDrawer: the mairie’s decisions', () => {
  it('shows the reports received, publishes again and changes the status', async () => {
    let current = detail()
    const app = renderWithApp(<ContributionDrawer id={1} onClose={() => {}} />, {
      answers: {
        'citizens.get': () => current,
        'citizens.update': (input) =>
          (current = detail({ ...current, ...input, sync: { state: 'en_attente', error: null, attempts: 0, nextAttemptAt: null, sentAt: null } })),
      },
    })
    const reports = await screen.findByRole('table', { name: 'Signalements reçus sur le portail' })
    expect(within(reports).getByText('Publicité ou spam')).toBeTruthy()
    expect(within(reports).getByText('3')).toBeTruthy()
    expect(screen.getByText(/Masquée : seul son auteur la voit/)).toBeTruthy()
    // Citizen text is text: the markup is shown, never rendered.
    expect(screen.getByText('Nid-de-poule <b>rue</b>')).toBeTruthy()
    expect(document.querySelector('script')).toBeNull()

    await app.user.click(screen.getByRole('button', { name: 'Publier sur le portail' }))
    await waitFor(() => expect(app.inputsOf('citizens.update')).toEqual([{ id: 1, moderation: 'publiee' }]))
    expect(await screen.findByText('En attente d’envoi')).toBeTruthy()
    expect(await screen.findByRole('button', { name: 'Masquer' })).toBeTruthy()

    await app.user.click(screen.getAllByLabelText(/^Suite donnée/).find((element) => element.tagName === 'INPUT')!)
    await app.user.click(await screen.findByRole('option', { name: 'Retenue' }))
    await waitFor(() => expect(app.inputsOf('citizens.update')).toHaveLength(2))
    expect(app.inputsOf('citizens.update')[1]).toEqual({ id: 1, status: 'retenue' })
  })

  it('writes the public answer, refuses one over 4 000 characters, and says why the last sending failed', async () => {
    let current = detail({
      moderation: 'publiee',
      sync: {
        state: 'en_attente',
        error: 'Le relais ne répond pas (relais.example.fr).',
        attempts: 2,
        nextAttemptAt: '2026-12-01T10:00:00.000Z',
        sentAt: null,
      },
    })
    const app = renderWithApp(<ContributionDrawer id={1} onClose={() => {}} />, {
      answers: {
        'citizens.get': () => current,
        'citizens.update': (input) => (current = detail({ ...current, publicAnswer: input.publicAnswer ?? null, answered: true })),
        'citizens.sendNow': () => ({ sent: 0, failed: 1, problem: 'Le relais ne répond pas.' }),
      },
    })
    expect(await screen.findByText('En attente d’envoi')).toBeTruthy()
    expect(screen.getByText(/Le relais ne répond pas \(relais\.example\.fr\)\. Nouvel essai le/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Renvoyer maintenant' }))
    await waitFor(() => expect(app.inputsOf('citizens.sendNow')).toHaveLength(1))

    const answer = screen.getByRole('textbox', { name: /Réponse publique de la mairie/ })
    await app.user.click(answer)
    await app.user.paste('a'.repeat(4001))
    expect(await screen.findByText(/La réponse publique ne doit pas dépasser 4\s000 caractères/u)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Enregistrer la réponse' }).hasAttribute('disabled')).toBe(true)

    await app.user.clear(answer)
    await app.user.type(answer, 'Merci, c’est prévu jeudi.')
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer la réponse' }))
    await waitFor(() => expect(app.inputsOf('citizens.update')).toEqual([{ id: 1, publicAnswer: 'Merci, c’est prévu jeudi.' }]))
    expect(await screen.findByText('Réponse enregistrée : elle part vers le portail citoyen.')).toBeTruthy()
  })
})
