import { Button } from '@mantine/core'
import { screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client'
import { GuardedModal } from '../../components/GuardedModal'
import { renderWithApp, type Answers } from '../../testing/render'
import { emptyProject, ProjectForm } from './ProjectForm'

const answers: Answers = { 'referentiel.get': () => ({ domains: [] }) as never, 'members.list': () => [] }

/** « Créer un projet » as the projects page opens it. */
function CreateProject({ onSubmit }: { onSubmit(values: unknown): Promise<void> }) {
  const [creating, setCreating] = useState(true)
  return (
    <>
      <Button onClick={() => setCreating(true)}>Nouveau projet</Button>
      <GuardedModal opened={creating} onClose={() => setCreating(false)} title="Créer un projet">
        <ProjectForm
          initial={emptyProject()}
          submitLabel="Créer le projet"
          onCancel={() => setCreating(false)}
          onSubmit={async (values) => {
            await onSubmit(values)
            setCreating(false)
          }}
        />
      </GuardedModal>
    </>
  )
}

const dialog = () => screen.queryByRole('dialog', { name: 'Créer un projet' })

describe('ProjectForm', () => {
  it('closes at once on Échap while nothing is typed', async () => {
    const { user } = renderWithApp(<CreateProject onSubmit={vi.fn()} />, { answers })
    await screen.findByLabelText(/^Titre/)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog()).toBeNull())
  })

  it('asks before closing a filled form, and keeps what was typed on « Continuer la saisie »', async () => {
    const { user } = renderWithApp(<CreateProject onSubmit={vi.fn()} />, { answers })
    await user.type(await screen.findByLabelText(/^Titre/), 'Rénovation de la salle des fêtes')
    await user.keyboard('{Escape}')
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect((screen.getByLabelText(/^Titre/) as HTMLInputElement).value).toBe('Rénovation de la salle des fêtes')
    // « Annuler » asks too; « Abandonner la saisie » closes.
    await user.click(screen.getByRole('button', { name: 'Annuler' }))
    await user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
    await waitFor(() => expect(dialog()).toBeNull())
  })

  it('refuses « 31/02/2027 » and a budget of « -500 » with French messages, and sends nothing', async () => {
    const onSubmit = vi.fn(async () => undefined)
    const { user } = renderWithApp(<CreateProject onSubmit={onSubmit} />, { answers })
    await user.type(await screen.findByLabelText(/^Titre/), 'Réfection du lavoir')
    await user.type(screen.getByLabelText('Début'), '31/02/2027')
    const planned = screen.getByLabelText('Budget prévu')
    await user.clear(planned)
    await user.type(planned, '-500')
    await user.tab()
    expect((planned as HTMLInputElement).value).toBe('-500 €')
    expect(screen.getByText('Un montant ne peut pas être négatif : écrivez-le sans signe moins.')).toBeTruthy()
    expect(screen.getByText("Cette date n'existe pas : vérifiez le jour et le mois.")).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Créer le projet' }))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(dialog()).toBeTruthy()
  })

  it('sends the project typed, dates as ISO days and amounts in cents', async () => {
    const onSubmit = vi.fn(async () => undefined)
    const { user } = renderWithApp(<CreateProject onSubmit={onSubmit} />, { answers })
    await user.type(await screen.findByLabelText(/^Titre/), 'Réfection du lavoir')
    await user.type(screen.getByLabelText('Début'), '05/03/2027')
    const planned = screen.getByLabelText('Budget prévu')
    await user.clear(planned)
    await user.type(planned, '12500,50')
    await user.click(screen.getByRole('button', { name: 'Créer le projet' }))
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce())
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Réfection du lavoir', startOn: '2027-03-05', budgetPlannedCents: 1_250_050 }),
    )
    await waitFor(() => expect(dialog()).toBeNull())
  })

  it('offers only élus as « Élu référent », not the secrétaire', async () => {
    const team = [
      { id: 1, firstName: 'Marie', lastName: 'Lambert', role: 'maire' },
      { id: 2, firstName: 'Paul', lastName: 'Girard', role: 'adjoint' },
      { id: 3, firstName: 'Agnès', lastName: 'Roux', role: 'secretaire_mairie' },
    ]
    const { user } = renderWithApp(<CreateProject onSubmit={vi.fn()} />, { answers: { ...answers, 'members.list': () => team as never } })
    await user.click((await screen.findAllByLabelText('Élu référent'))[0]!)
    expect(await screen.findByRole('option', { name: 'Paul Girard' })).toBeTruthy()
    expect(screen.getByRole('option', { name: 'Marie Lambert' })).toBeTruthy()
    expect(screen.queryByRole('option', { name: 'Agnès Roux' })).toBeNull()
  })

  it('keeps the form open with what was typed when the main process refuses, its messages under the fields', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        code: 'CONFLICT',
        message: 'Le projet n’est pas enregistré.',
        issues: [{ path: 'title', message: 'Un projet porte déjà ce titre.' }],
      })
    })
    const { user } = renderWithApp(<CreateProject onSubmit={onSubmit} />, { answers })
    await user.type(await screen.findByLabelText(/^Titre/), 'Réfection du lavoir')
    await user.click(screen.getByRole('button', { name: 'Créer le projet' }))
    expect(await screen.findByText('Un projet porte déjà ce titre.')).toBeTruthy()
    expect(screen.getByText('Le projet n’est pas enregistré.')).toBeTruthy()
    expect((screen.getByLabelText(/^Titre/) as HTMLInputElement).value).toBe('Réfection du lavoir')
    expect(dialog()).toBeTruthy()
  })
})
