import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Campaign } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { CampaignCreate } from './CampaignCreate'

const earlier = [{ id: 3, name: 'Diagnostic de début de mandat 2026' }] as Campaign[]

describe('« Nouvelle campagne »', () => {
  it('Échap with a name typed asks first; « Continuer la saisie » keeps it', async () => {
    const onClose = vi.fn()
    const app = renderWithApp(<CampaignCreate opened onClose={onClose} campaigns={earlier} />)
    const name = await screen.findByLabelText(/^Nom de la campagne/)
    await app.user.clear(name)
    await app.user.type(name, 'Diagnostic du conseil')
    await app.user.keyboard('{Escape}')
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(onClose).not.toHaveBeenCalled()
    expect((screen.getByLabelText(/^Nom de la campagne/) as HTMLInputElement).value).toBe('Diagnostic du conseil')
  })

  it('« Annuler » with nothing changed closes at once; with a change, « Abandonner la saisie » closes', async () => {
    const onClose = vi.fn()
    const app = renderWithApp(<CampaignCreate opened onClose={onClose} campaigns={earlier} />)
    await app.user.click(await screen.findByRole('button', { name: 'Annuler' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    await app.user.type(screen.getByLabelText(/^Nom de la campagne/), ' bis')
    await app.user.click(screen.getByRole('button', { name: 'Annuler' }))
    await app.user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(2))
  })
})
