import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Member } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { ThemeHolders } from './ThemeHolders'

const members = [
  { id: 1, firstName: 'Jeanne', lastName: 'Martin', role: 'maire' },
  { id: 2, firstName: 'Paul', lastName: 'Girard', role: 'adjoint' },
] as Member[]

function renderHolders() {
  return renderWithApp(<ThemeHolders themeId="voirie" themeTitle="Voirie" members={members} assignments={[]} myMemberId={null} isAdmin />, {
    answers: { 'themes.assign': () => ({ ok: true }) as never },
  })
}

async function chooseHolder(app: ReturnType<typeof renderHolders>, name: string) {
  await app.user.click(await screen.findByRole('button', { name: 'Attribuer…' }))
  await app.user.click(await screen.findByLabelText('Élus ayant la délégation', { selector: 'input' }))
  await app.user.click(await screen.findByRole('option', { name }))
}

describe('who holds a theme', () => {
  it('closing the choice with someone picked asks first; « Continuer la saisie » keeps the choice', async () => {
    const app = renderHolders()
    await chooseHolder(app, 'Paul Girard')
    await app.user.click(screen.getByRole('button', { name: 'Annuler' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(screen.getByText('Qui s’occupe de « Voirie » ?')).toBeTruthy()
    expect(app.inputsOf('themes.assign')).toEqual([])
    // The choice is still there: saving now gives Paul Girard the délégation.
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer' }))
    await waitFor(() => expect(app.inputsOf('themes.assign')).toEqual([{ memberId: 2, themeId: 'voirie', link: 'delegation' }]))
  })

  it('« Enregistrer » gives the délégation through the contract and closes', async () => {
    const app = renderHolders()
    await chooseHolder(app, 'Jeanne Martin')
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer' }))
    await waitFor(() => expect(app.inputsOf('themes.assign')).toEqual([{ memberId: 1, themeId: 'voirie', link: 'delegation' }]))
    await waitFor(() => expect(screen.queryByText('Qui s’occupe de « Voirie » ?')).toBeNull())
  })
})
