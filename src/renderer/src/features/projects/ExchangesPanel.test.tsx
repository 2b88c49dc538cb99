import { screen, waitFor } from '@testing-library/react'
import { Link, Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { ProjectDetail } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { ExchangesPanel } from './ExchangesPanel'

const project = { id: 7, title: 'Rénovation de la salle des fêtes', tasks: [], comments: [], attachments: [] } as unknown as ProjectDetail

/** A project's « Échanges » with the menu's way out. */
function ProjectWithMenu() {
  return (
    <>
      <Link to="/projets">Projets</Link>
      <Routes>
        <Route path="/projets" element={<p>Liste des projets</p>} />
        <Route path="/projets/7" element={<ExchangesPanel project={project} />} />
      </Routes>
    </>
  )
}

const comment = () => screen.getByRole('textbox', { name: 'Nouveau commentaire' }) as HTMLTextAreaElement

describe('ExchangesPanel: a comment being typed', () => {
  it('asks before leaving the project with a comment not sent; « Continuer la saisie » keeps it', async () => {
    const app = renderWithApp(<ProjectWithMenu />, { route: '/projets/7' })
    await app.user.type(comment(), 'Le devis du couvreur est arrivé.')
    await app.user.click(screen.getByRole('link', { name: 'Projets' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(screen.queryByText('Liste des projets')).toBeNull()
    expect(comment().value).toBe('Le devis du couvreur est arrivé.')
  })

  it('leaves at once once the comment is sent', async () => {
    const app = renderWithApp(<ProjectWithMenu />, {
      route: '/projets/7',
      answers: {
        'comments.add': (input) => ({ id: 1, taskId: null, author: 'Claire Martin', createdAt: '2026-12-01T10:00:00.000Z', ...input }) as never,
      },
    })
    await app.user.type(comment(), 'Le devis du couvreur est arrivé.')
    await app.user.click(screen.getByRole('button', { name: 'Publier' }))
    await waitFor(() => expect(comment().value).toBe(''))
    expect(app.inputsOf('comments.add')).toEqual([expect.objectContaining({ projectId: 7, body: 'Le devis du couvreur est arrivé.' })])
    await app.user.click(screen.getByRole('link', { name: 'Projets' }))
    expect(await screen.findByText('Liste des projets')).toBeTruthy()
  })
})
