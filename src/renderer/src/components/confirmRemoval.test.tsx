import { Button } from '@mantine/core'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { call } from '../api/client'
import { failure, renderWithApp } from '../testing/render'
import { confirmRemoval } from './confirmRemoval'

function RemoveButton({ after }: { after?: () => Promise<unknown> }) {
  return (
    <Button
      onClick={() =>
        confirmRemoval({
          title: 'Supprimer la tâche',
          message: 'La tâche « Devis » sera supprimée.',
          remove: () => call('tasks.remove', { id: 7 }),
          after,
        })
      }
    >
      Supprimer la tâche
    </Button>
  )
}

describe('confirmRemoval', () => {
  it('removes nothing until « Supprimer » is confirmed, and nothing at all on « Annuler »', async () => {
    const app = renderWithApp(<RemoveButton />, { answers: { 'tasks.remove': () => ({ ok: true }) as never } })
    await app.user.click(screen.getByRole('button', { name: 'Supprimer la tâche' }))
    expect(await screen.findByText('La tâche « Devis » sera supprimée.')).toBeTruthy()
    expect(app.calls).toEqual([])
    await app.user.click(screen.getByRole('button', { name: 'Annuler' }))
    await waitFor(() => expect(screen.queryByText('La tâche « Devis » sera supprimée.')).toBeNull())
    expect(app.calls).toEqual([])
  })

  it('removes on « Supprimer », then refreshes', async () => {
    const after = vi.fn(async () => undefined)
    const app = renderWithApp(<RemoveButton after={after} />, { answers: { 'tasks.remove': () => ({ ok: true }) as never } })
    await app.user.click(screen.getByRole('button', { name: 'Supprimer la tâche' }))
    await app.user.click(await screen.findByRole('button', { name: 'Supprimer' }))
    await waitFor(() => expect(after).toHaveBeenCalledOnce())
    expect(app.inputsOf('tasks.remove')).toEqual([{ id: 7 }])
  })

  it('shows the French reason when the removal is refused', async () => {
    const app = renderWithApp(<RemoveButton />, { answers: { 'tasks.remove': () => failure('Cette tâche a déjà été supprimée.') } })
    await app.user.click(screen.getByRole('button', { name: 'Supprimer la tâche' }))
    await app.user.click(await screen.findByRole('button', { name: 'Supprimer' }))
    expect(await screen.findByText('Cette tâche a déjà été supprimée.')).toBeTruthy()
    expect(screen.getByText("L'opération n'a pas abouti")).toBeTruthy()
  })
  it('a withdrawal says what it does on its red button (« Retirer du portail »)', async () => {
    const app = renderWithApp(
      <Button
        onClick={() =>
          confirmRemoval({
            title: 'Retirer l’actualité',
            message: 'Elle ne sera plus visible sur le portail.',
            confirm: 'Retirer du portail',
            remove: () => call('news.withdraw', { id: 3 }),
          })
        }
      >
        Retirer
      </Button>,
      { answers: { 'news.withdraw': () => ({}) as never } },
    )
    await app.user.click(screen.getByRole('button', { name: 'Retirer' }))
    expect(await screen.findByText('Elle ne sera plus visible sur le portail.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Supprimer' })).toBeNull()
    await app.user.click(screen.getByRole('button', { name: 'Retirer du portail' }))
    await waitFor(() => expect(app.inputsOf('news.withdraw')).toEqual([{ id: 3 }]))
  })
})
