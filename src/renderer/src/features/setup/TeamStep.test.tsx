import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { MemberInput } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { TeamStep } from './TeamStep'

const marie: MemberInput = {
  civility: 'madame',
  firstName: 'Marie',
  lastName: 'Lambert',
  role: 'maire',
  rank: null,
  delegation: '',
  email: '',
  phone: '',
  interests: '',
}

describe('TeamStep', () => {
  it('refuses a second maire with the same words as the team page, and adds no one', async () => {
    const onChange = vi.fn()
    const app = renderWithApp(<TeamStep members={[marie]} onChange={onChange} onPendingChange={vi.fn()} />)
    await app.user.type(screen.getByLabelText(/^Prénom/), 'Jean')
    await app.user.type(screen.getByLabelText(/^Nom/), 'Roux')
    await app.user.click(screen.getAllByLabelText(/^Rôle/).find((element) => element.tagName === 'INPUT')!)
    await app.user.click(await screen.findByRole('option', { name: 'Maire' }))
    await app.user.click(screen.getByRole('button', { name: /Ajouter/ }))
    expect(
      await screen.findByText("La commune ne peut avoir qu'un seul maire : Marie Lambert l'est déjà. Choisissez un autre rôle pour Jean Roux."),
    ).toBeTruthy()
    expect(screen.getByText("Il y a déjà un maire dans l'équipe.")).toBeTruthy()
    expect(onChange).not.toHaveBeenCalled()
  })
})
