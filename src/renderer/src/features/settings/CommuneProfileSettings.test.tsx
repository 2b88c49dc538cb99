import { screen, waitFor } from '@testing-library/react'
import { Link, Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { EMPTY_PROFILE, type CommuneProfile } from '@shared/referentiel/profile'
import { renderWithApp, type Answers } from '../../testing/render'
import { CommuneProfileSettings } from './CommuneProfileSettings'

/** Paramètres › Profil de la commune with the menu's way out. */
function SettingsWithMenu() {
  return (
    <>
      <Link to="/">Accueil</Link>
      <Routes>
        <Route path="/" element={<p>Page d’accueil</p>} />
        <Route path="/parametres/profil-commune" element={<CommuneProfileSettings />} />
      </Routes>
    </>
  )
}

function answers(): Answers {
  let saved: CommuneProfile = EMPTY_PROFILE
  return {
    'communeProfile.get': () => saved,
    'communeProfile.update': (input) => (saved = input as CommuneProfile),
    'session.get': () => ({ profile: { id: 1, isAdmin: true } }) as never,
  }
}

const cemetery = () => screen.getByRole('switch', { name: 'Un cimetière communal' }) as HTMLInputElement

describe('Paramètres › Profil de la commune: the questionnaire', () => {
  it('asks before leaving with an answer changed and not saved; « Continuer la saisie » keeps it', async () => {
    const app = renderWithApp(<SettingsWithMenu />, { route: '/parametres/profil-commune', answers: answers() })
    await screen.findByRole('switch', { name: 'Un cimetière communal' })
    const before = cemetery().checked
    await app.user.click(cemetery())
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(screen.queryByText('Page d’accueil')).toBeNull()
    expect(cemetery().checked).toBe(!before)
    expect(app.inputsOf('communeProfile.update')).toEqual([])
  })

  it('leaves at once once the answers are saved, or put back as they were', async () => {
    const app = renderWithApp(<SettingsWithMenu />, { route: '/parametres/profil-commune', answers: answers() })
    await screen.findByRole('switch', { name: 'Un cimetière communal' })
    await app.user.click(cemetery())
    await app.user.click(cemetery())
    await app.user.click(screen.getByRole('switch', { name: /établissement recevant du public/ }))
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer' }))
    await waitFor(() => expect(app.inputsOf('communeProfile.update')).toHaveLength(1))
    await screen.findByText('Le profil de la commune est enregistré.')
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
  })
})
