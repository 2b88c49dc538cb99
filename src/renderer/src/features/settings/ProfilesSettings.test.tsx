import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Profile } from '@shared/contract'
import { renderWithApp, type Answers } from '../../testing/render'
import { ProfilesSettings } from './ProfilesSettings'

const marie: Profile = { id: 1, displayName: 'Marie Lambert', memberId: null, isAdmin: true, hasPassword: false, lastSignInAt: null }
const answers: Answers = {
  'profiles.list': () => [marie],
  'members.list': () => [],
  'session.get': () => ({ profile: marie }),
  'profiles.create': (input) => ({ ...marie, id: 2, displayName: input.displayName, isAdmin: input.isAdmin ?? false }),
}
const dialog = () => screen.queryByRole('dialog', { name: 'Nouveau profil' })

describe('ProfilesSettings', () => {
  it('opens « Nouveau profil » without any message, and says the name is missing only on « Créer »', async () => {
    const app = renderWithApp(<ProfilesSettings />, { answers })
    await app.user.click(await screen.findByRole('button', { name: 'Nouveau profil' }))
    await screen.findByLabelText(/^Nom du profil/)
    expect(screen.queryByText('Le nom du profil est obligatoire.')).toBeNull()
    await app.user.click(screen.getByRole('button', { name: 'Créer le profil' }))
    expect(await screen.findByText('Le nom du profil est obligatoire.')).toBeTruthy()
    expect(app.inputsOf('profiles.create')).toEqual([])
  })

  it('asks before closing a profile being typed, then creates it', async () => {
    const app = renderWithApp(<ProfilesSettings />, { answers })
    await app.user.click(await screen.findByRole('button', { name: 'Nouveau profil' }))
    await app.user.type(await screen.findByLabelText(/^Nom du profil/), 'Agnès Roux')
    await app.user.keyboard('{Escape}')
    await app.user.click(await screen.findByRole('button', { name: 'Continuer la saisie' }))
    expect((screen.getByLabelText(/^Nom du profil/) as HTMLInputElement).value).toBe('Agnès Roux')
    await app.user.click(screen.getByRole('button', { name: 'Créer le profil' }))
    await waitFor(() => expect(dialog()).toBeNull())
    expect(app.inputsOf('profiles.create')).toEqual([expect.objectContaining({ displayName: 'Agnès Roux', password: null })])
  })
})
