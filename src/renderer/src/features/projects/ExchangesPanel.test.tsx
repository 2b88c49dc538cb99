import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ProjectDetail } from '@shared/contract'
import { keepEditing, leaveAndExpectQuestion, leaveAtOnce, PageWithMenu } from '../../testing/leave'
import { renderWithApp, type Answers } from '../../testing/render'
import { ExchangesPanel } from './ExchangesPanel'

const project = { id: 7, title: 'Rénovation de la salle des fêtes', tasks: [], comments: [], attachments: [] } as unknown as ProjectDetail

const answers: Answers = {
  'comments.add': (input) => ({ id: 1, taskId: null, author: 'Claire Martin', createdAt: '2026-12-01T10:00:00.000Z', ...input }) as never,
}
const renderPanel = () =>
  renderWithApp(
    <PageWithMenu path="/projets/7">
      <ExchangesPanel project={project} />
    </PageWithMenu>,
    { route: '/projets/7', answers },
  )
const comment = () => screen.getByRole('textbox', { name: 'Nouveau commentaire' }) as HTMLTextAreaElement

describe('ExchangesPanel: a comment being typed', () => {
  it('asks before leaving the project with a comment not sent; « Continuer la saisie » keeps it', async () => {
    const app = renderPanel()
    await app.user.type(comment(), 'Le devis du couvreur est arrivé.')
    await leaveAndExpectQuestion(app)
    await keepEditing(app)
    expect(comment().value).toBe('Le devis du couvreur est arrivé.')
  })

  it('leaves at once once the comment is sent', async () => {
    const app = renderPanel()
    await app.user.type(comment(), 'Le devis du couvreur est arrivé.')
    await app.user.click(screen.getByRole('button', { name: 'Publier' }))
    await waitFor(() => expect(comment().value).toBe(''))
    expect(app.inputsOf('comments.add')).toEqual([expect.objectContaining({ projectId: 7, body: 'Le devis du couvreur est arrivé.' })])
    await leaveAtOnce(app)
  })
})
