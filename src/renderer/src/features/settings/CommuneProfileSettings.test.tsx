import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { EMPTY_PROFILE, type CommuneProfile } from '@shared/referentiel/profile'
import { keepEditing, leaveAndExpectQuestion, leaveAtOnce, PageWithMenu } from '../../testing/leave'
import { renderWithApp, type Answers } from '../../testing/render'
import { CommuneProfileSettings } from './CommuneProfileSettings'

function answers(): Answers {
  let saved: CommuneProfile = EMPTY_PROFILE
  return {
    'communeProfile.get': () => saved,
    'communeProfile.update': (input) => (saved = input as CommuneProfile),
    'session.get': () => ({ profile: { id: 1, isAdmin: true } }) as never,
  }
}

const renderSettings = () =>
  renderWithApp(
    <PageWithMenu path="/parametres/profil-commune">
      <CommuneProfileSettings />
    </PageWithMenu>,
    { route: '/parametres/profil-commune', answers: answers() },
  )
const cemetery = () => screen.getByRole('switch', { name: 'Un cimetière communal' }) as HTMLInputElement

describe('Paramètres › Profil de la commune: the questionnaire', () => {
  it('asks before leaving with an answer changed and not saved; « Continuer la saisie » keeps it', async () => {
    const app = renderSettings()
    await screen.findByRole('switch', { name: 'Un cimetière communal' })
    const before = cemetery().checked
    await app.user.click(cemetery())
    await leaveAndExpectQuestion(app)
    await keepEditing(app)
    expect(cemetery().checked).toBe(!before)
    expect(app.inputsOf('communeProfile.update')).toEqual([])
  })

  it('leaves at once once the answers are saved, or put back as they were', async () => {
    const app = renderSettings()
    await screen.findByRole('switch', { name: 'Un cimetière communal' })
    await app.user.click(cemetery())
    await app.user.click(cemetery())
    await app.user.click(screen.getByRole('switch', { name: /établissement recevant du public/ }))
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer' }))
    await waitFor(() => expect(app.inputsOf('communeProfile.update')).toHaveLength(1))
    await screen.findByText('Le profil de la commune est enregistré.')
    await leaveAtOnce(app)
  })
})
