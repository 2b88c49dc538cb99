import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ResidentBatchView } from '@shared/contract'
import { ApiError } from '../../api/client'
import { renderWithApp } from '../../testing/render'
import { ResidentCodesSection } from './ResidentCodesSection'

function batch(values: Partial<ResidentBatchView> = {}): ResidentBatchView {
  return {
    id: 4,
    label: 'Foyers 2026',
    count: 350,
    used: 12,
    createdAt: '2026-12-01T09:00:00.000Z',
    createdBy: 'Secrétariat',
    revokedAt: null,
    revokedBy: null,
    otherRelay: false,
    ...values,
  }
}

describe('ResidentCodesSection', () => {
  it('says what to do first when there is no batch yet', async () => {
    renderWithApp(<ResidentCodesSection isAdmin connected />, {
      answers: { 'residentCodes.list': () => ({ connected: true, problem: null, batches: [] }) },
    })
    expect(await screen.findByText(/Aucun lot de codes pour l’instant/)).toBeTruthy()
  })

  it('refuses 0 and 5001 codes in French, and keeps what was typed when the relay does not answer', async () => {
    const app = renderWithApp(<ResidentCodesSection isAdmin connected />, {
      answers: {
        'residentCodes.list': () => ({ connected: true, problem: null, batches: [] }),
        'residentCodes.create': () => {
          throw new ApiError({
            code: 'CONFLICT',
            message: 'Le relais ne répond pas (relais.example.fr) : vérifiez l’adresse et la connexion à internet.',
          })
        },
      },
    })
    await app.user.click(await screen.findByRole('button', { name: 'Nouveau lot de codes' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.type(within(dialog).getByLabelText(/^Nom du lot/), 'Foyers 2026')
    const count = within(dialog).getByLabelText(/^Nombre de codes/)
    await app.user.type(count, '0')
    await app.user.click(within(dialog).getByRole('button', { name: 'Créer les codes' }))
    expect(await within(dialog).findByText('Il faut au moins un code.')).toBeTruthy()
    await app.user.clear(count)
    await app.user.type(count, '5001')
    await app.user.click(within(dialog).getByRole('button', { name: 'Créer les codes' }))
    expect(await within(dialog).findByText('Au plus 5 000 codes par lot.')).toBeTruthy()
    expect(app.inputsOf('residentCodes.create')).toEqual([])

    await app.user.clear(count)
    await app.user.type(count, '350')
    await app.user.click(within(dialog).getByRole('button', { name: 'Créer les codes' }))
    expect(await within(dialog).findByText(/Le relais ne répond pas/)).toBeTruthy()
    expect(app.inputsOf('residentCodes.create')[0]).toMatchObject({ label: 'Foyers 2026', count: 350 })
    expect((within(dialog).getByLabelText(/^Nom du lot/) as HTMLInputElement).value).toBe('Foyers 2026')
  })

  it('closes « Nouveau lot de codes » at once while empty, and asks first once a name or a count is typed', async () => {
    const app = renderWithApp(<ResidentCodesSection isAdmin connected />, {
      answers: { 'residentCodes.list': () => ({ connected: true, problem: null, batches: [] }) },
    })
    await app.user.click(await screen.findByRole('button', { name: 'Nouveau lot de codes' }))
    await screen.findByRole('dialog')
    await app.user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    for (const [field, typed] of [
      [/^Nom du lot/, 'Foyers 2026'],
      [/^Nombre de codes/, '350'],
    ] as const) {
      await app.user.click(screen.getByRole('button', { name: 'Nouveau lot de codes' }))
      const dialog = await screen.findByRole('dialog')
      await app.user.type(within(dialog).getByLabelText(field), typed)
      await app.user.keyboard('{Escape}')
      expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
      await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
      expect((within(dialog).getByLabelText(field) as HTMLInputElement).value).toBe(typed)
      await app.user.click(within(dialog).getByRole('button', { name: 'Annuler' }))
      await app.user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
      await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nouveau lot de codes' })).toBeNull())
    }
    expect(app.inputsOf('residentCodes.create')).toEqual([])
  })

  it('shows used and unused counts, and revokes a batch only after a confirmation', async () => {
    const app = renderWithApp(<ResidentCodesSection isAdmin connected />, {
      answers: {
        'residentCodes.list': () => ({ connected: true, problem: null, batches: [batch()] }),
        'residentCodes.revoke': () => batch({ revokedAt: '2026-12-01T10:00:00.000Z' }),
      },
    })
    const row = (await screen.findByText('Foyers 2026')).closest('tr')!
    expect(within(row as HTMLElement).getByText('338')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Révoquer « Foyers 2026 »' }))
    expect(await screen.findByText(/Les 338 codes non utilisés du lot « Foyers 2026 » ne fonctionneront plus/)).toBeTruthy()
    expect(app.inputsOf('residentCodes.revoke')).toEqual([])
    await app.user.click(screen.getByRole('button', { name: 'Révoquer' }))
    await waitFor(() => expect(app.inputsOf('residentCodes.revoke')).toEqual([{ id: 4 }]))
  })

  it('tells a non-administrator that only an administrator manages the codes', async () => {
    const app = renderWithApp(<ResidentCodesSection isAdmin={false} connected />, { answers: {} })
    expect(await screen.findByText(/Seul un administrateur peut créer/)).toBeTruthy()
    expect(app.inputsOf('residentCodes.list')).toEqual([])
  })
})
