import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { PortalStatus } from '@shared/contract'
import { keepEditing, leaveAndExpectQuestion, leaveAtOnce, PageWithMenu } from '../../testing/leave'
import { failure, renderWithApp, type Answers } from '../../testing/render'
import { PortalSettings } from './PortalSettings'

const notConnected: PortalStatus = {
  connected: false,
  relayUrl: null,
  commune: null,
  portalUrl: null,
  connectedAt: null,
  connectedBy: null,
  tokenStorage: 'chiffre',
  tokenMissing: false,
}
const connected: PortalStatus = {
  ...notConnected,
  connected: true,
  relayUrl: 'https://relais.example.fr',
  commune: { code: '10145', name: 'Faux-Villecerf' },
  portalUrl: 'https://relais.example.fr/c/10145',
  connectedAt: '2026-11-30T10:00:00.000Z',
  connectedBy: 'Claire Martin',
}

const answers = (status: PortalStatus): Answers => ({
  'portal.status': () => status,
  'session.get': () => ({ profile: { id: 1, isAdmin: true } }) as never,
  'residentCodes.list': () => ({ connected: status.connected, problem: null, batches: [] }),
  // Failing, as the relay's part of this page is not what these tests look at.
  'comparison.status': () => failure('Le partage des scores n’a pas pu être lu.'),
})

const renderSettings = (status: PortalStatus) =>
  renderWithApp(
    <PageWithMenu path="/parametres/portail">
      <PortalSettings />
    </PageWithMenu>,
    { route: '/parametres/portail', answers: answers(status) },
  )

const field = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement

describe('Paramètres › Portail citoyen: the connection form', () => {
  it('asks before leaving with a relay address and a pairing code typed; « Continuer la saisie » keeps them', async () => {
    const app = renderSettings(notConnected)
    await app.user.type(await screen.findByRole('textbox', { name: /Adresse du relais/ }), 'https://relais.example.fr')
    await app.user.type(field(/Code d’appairage/), 'ABCD-1234')
    await leaveAndExpectQuestion(app)
    await keepEditing(app)
    expect(field(/Adresse du relais/).value).toBe('https://relais.example.fr')
    expect(field(/Code d’appairage/).value).toBe('ABCD-1234')
    expect(app.inputsOf('portal.connect')).toEqual([])
  })

  it('leaves at once while nothing is typed', async () => {
    const app = renderSettings(notConnected)
    await screen.findByRole('textbox', { name: /Adresse du relais/ })
    await leaveAtOnce(app)
  })

  it('« Annuler » a change of relay asks first once a code is typed', async () => {
    const app = renderSettings(connected)
    await app.user.click(await screen.findByRole('button', { name: 'Changer de relais' }))
    await app.user.type(field(/Code d’appairage/), 'ABCD-1234')
    await app.user.click(screen.getByRole('button', { name: 'Annuler' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(field(/Code d’appairage/).value).toBe('ABCD-1234')
    await app.user.click(screen.getByRole('button', { name: 'Annuler' }))
    await app.user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /Code d’appairage/ })).toBeNull())
  })
})
