import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { ProjectDetail } from '@shared/contract'
import { renderWithApp, type Answers } from '../../testing/render'
import { TaskDialog } from './TaskDialog'

const project = {
  id: 7,
  title: 'Rénovation de la salle des fêtes',
  actions: [{ id: 3, projectId: 7, title: 'Consulter les entreprises', description: '', startOn: null, dueOn: null, status: 'a_faire' }],
  tasks: [],
  comments: [],
} as unknown as ProjectDetail

const answers: Answers = {
  'members.list': () => [{ id: 2, firstName: 'Claire', lastName: 'Martin' }] as never,
  'tasks.create': (input) => ({ id: 11, ...input }) as never,
}

describe('TaskDialog', () => {
  it('says in French that the title is missing, and sends nothing', async () => {
    const app = renderWithApp(<TaskDialog project={project} task={null} onClose={vi.fn()} />, { answers })
    await app.user.click(await screen.findByRole('button', { name: 'Créer la tâche' }))
    expect(await screen.findByText(/Le titre de la tâche est obligatoire/)).toBeTruthy()
    expect(app.inputsOf('tasks.create')).toEqual([])
  })

  it('asks before closing once something is typed, even a checklist item not yet added', async () => {
    const onClose = vi.fn()
    const app = renderWithApp(<TaskDialog project={project} task={null} onClose={onClose} />, { answers })
    await app.user.type(await screen.findByRole('textbox', { name: 'Ajouter' }), 'Appeler le plombier')
    await app.user.keyboard('{Escape}')
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    expect(onClose).not.toHaveBeenCalled()
    await app.user.click(screen.getByRole('button', { name: 'Annuler' }))
    await app.user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })

  it('creates the task under the action it was opened from, with its checklist, then closes', async () => {
    const onClose = vi.fn()
    const app = renderWithApp(<TaskDialog project={project} task={null} defaultActionId={3} onClose={onClose} />, { answers })
    await app.user.type(await screen.findByLabelText(/^Titre/), 'Demander trois devis')
    await app.user.type(screen.getByLabelText('Échéance'), '15/01/2027')
    await app.user.type(screen.getByRole('textbox', { name: 'Ajouter' }), 'Plombier{Enter}')
    await app.user.click(screen.getByRole('button', { name: 'Créer la tâche' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(app.inputsOf('tasks.create')).toEqual([
      expect.objectContaining({
        projectId: 7,
        actionId: 3,
        title: 'Demander trois devis',
        dueOn: '2027-01-15',
        checklist: [{ label: 'Plombier', done: false }],
      }),
    ])
  })
})
