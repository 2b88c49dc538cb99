import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { GuardedModal } from '../../components/GuardedModal'
import { renderWithApp } from '../../testing/render'
import { CommuneSearch } from '../setup/CommuneSearch'

describe('Paramètres › « Changer de commune »', () => {
  it('Échap with a search typed asks first; « Continuer la saisie » keeps the search', async () => {
    const onClose = vi.fn()
    // The dialog as CommuneSettings opens it.
    const app = renderWithApp(
      <GuardedModal opened onClose={onClose} title="Changer de commune">
        <CommuneSearch onChoose={vi.fn()} autoFocus />
      </GuardedModal>,
      { answers: { 'directory.searchCommunes': () => [] } },
    )
    await app.user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
    await app.user.type(await screen.findByLabelText(/^Nom ou code postal/), 'Saint-Martin')
    // The first Échap closes the list of communes, the next one the dialog.
    await app.user.keyboard('{Escape}')
    await app.user.keyboard('{Escape}')
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(onClose).toHaveBeenCalledTimes(1)
    expect((screen.getByLabelText(/^Nom ou code postal/) as HTMLInputElement).value).toBe('Saint-Martin')
  })
})
