import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { GuardedModal } from '../../components/GuardedModal'
import { renderWithApp } from '../../testing/render'
import { TrainingDialog } from '../training/TrainingDialog'
import { MemberForm } from './MemberForm'
import { EMPTY_MEMBER } from './member-form-values'

describe('closing a filled form asks first', () => {
  it('the team’s member form in its dialog: Échap with a name typed asks, « Continuer la saisie » keeps it', async () => {
    const onClose = vi.fn()
    const app = renderWithApp(
      <GuardedModal opened onClose={onClose} title="Ajouter une personne">
        <MemberForm initialValues={EMPTY_MEMBER} submitLabel="Ajouter" onSubmit={vi.fn()} onCancel={onClose} />
      </GuardedModal>,
    )
    // Nothing typed: Échap closes at once.
    await app.user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
    await app.user.type(await screen.findByLabelText(/^Prénom/), 'Jeanne')
    await app.user.keyboard('{Escape}')
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect((screen.getByLabelText(/^Prénom/) as HTMLInputElement).value).toBe('Jeanne')
  })

  it('a training dialog: « Annuler » with a title typed asks before losing it', async () => {
    const onClose = vi.fn()
    const app = renderWithApp(
      <TrainingDialog draft={{ training: null, memberId: 2, memberName: 'Paul Girard' }} providers={[]} isEmployee={false} onClose={onClose} />,
      { answers: { 'referentiel.get': () => ({ domains: [] }) as never } },
    )
    await app.user.type(await screen.findByLabelText(/^Intitulé/), 'Les finances communales')
    await app.user.click(screen.getByRole('button', { name: 'Annuler' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    expect(onClose).not.toHaveBeenCalled()
    await app.user.click(screen.getByRole('button', { name: 'Abandonner la saisie' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
