import { Button } from '@mantine/core'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithApp } from '../testing/render'
import { useApiMutation } from './hooks'

function AddComment({ body }: { body: string }) {
  const add = useApiMutation('comments.add', { failure: 'notification' })
  return <Button onClick={() => add.mutate({ projectId: 1, taskId: null, body })}>Ajouter</Button>
}

function Rename() {
  const update = useApiMutation('projects.update', { failure: 'notification' })
  return <Button onClick={() => update.mutate({ id: 1 } as never)}>Renommer</Button>
}

const comment = { id: 1, projectId: 1, taskId: null, body: 'Devis reçu.', createdAt: '2026-05-04T10:00:00.000Z', createdBy: 'Secrétariat' }

describe('useApiMutation', () => {
  it('sends a double click of a creation with one idempotency key, and a new one for the next action', async () => {
    let release!: () => void
    const answered = new Promise<void>((resolve) => (release = resolve))
    const view = renderWithApp(<AddComment body="Devis reçu." />, {
      answers: { 'comments.add': async () => (await answered, comment) as never },
    })
    const button = screen.getByRole('button', { name: 'Ajouter' })
    await view.user.dblClick(button)
    release()
    await waitFor(() => expect(view.inputsOf('comments.add')).toHaveLength(2))
    const [first, second] = view.inputsOf('comments.add') as unknown as { idempotencyKey: string }[]
    expect(first!.idempotencyKey).toMatch(/^[A-Za-z0-9_:-]{16,120}$/)
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey)

    // Once created, the next click is another comment: another key.
    await new Promise((resolve) => setTimeout(resolve, 100))
    await view.user.click(button)
    await waitFor(() => expect(view.inputsOf('comments.add')).toHaveLength(3))
    expect((view.inputsOf('comments.add')[2] as unknown as { idempotencyKey: string }).idempotencyKey).not.toBe(first!.idempotencyKey)
  })

  it('sends no key with an update (repeating it gives the same state)', async () => {
    const view = renderWithApp(<Rename />, { answers: { 'projects.update': () => ({}) as never } })
    await view.user.click(screen.getByRole('button', { name: 'Renommer' }))
    await waitFor(() => expect(view.inputsOf('projects.update')).toHaveLength(1))
    expect(view.inputsOf('projects.update')[0]).not.toHaveProperty('idempotencyKey')
  })
})
