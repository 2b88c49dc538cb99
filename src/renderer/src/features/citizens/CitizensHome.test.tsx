import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CitizensSyncStatus } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { CitizensHome } from './CitizensHome'

function status(values: Partial<CitizensSyncStatus> = {}): CitizensSyncStatus {
  return {
    connected: true,
    lastSyncAt: '2026-12-01T09:00:00.000Z',
    lastSyncNew: 2,
    lastAttemptAt: '2026-12-01T09:00:00.000Z',
    lastError: null,
    running: null,
    unseen: 3,
    unanswered: 1,
    total: 5,
    ...values,
  }
}

describe('CitizensHome', () => {
  it('shows the new and the unanswered contributions, each linking to the Citoyens page with its filter', async () => {
    renderWithApp(<CitizensHome />, { answers: { 'citizens.syncStatus': () => status() } })
    const unseen = await screen.findByRole('link', { name: '3 nouvelles contributions : voir les nouvelles' })
    expect(unseen.getAttribute('href')).toBe('/citoyens?nouvelles=1')
    const unanswered = screen.getByRole('link', { name: '1 contribution sans réponse : voir celles sans réponse' })
    expect(unanswered.getAttribute('href')).toBe('/citoyens?sans-reponse=1')
    expect(screen.getByRole('button', { name: 'Synchroniser maintenant' })).toBeTruthy()
  })

  it('still shows what was received after a disconnection, and nothing for a commune never connected', async () => {
    const first = renderWithApp(<CitizensHome />, {
      answers: { 'citizens.syncStatus': () => status({ connected: false, unseen: 0, unanswered: 2 }) },
    })
    expect(await screen.findByRole('link', { name: '2 contributions sans réponse : voir celles sans réponse' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Synchroniser maintenant' })).toBeNull()
    first.unmount()
    renderWithApp(<CitizensHome />, { answers: { 'citizens.syncStatus': () => status({ connected: false, unseen: 0, unanswered: 0, total: 0 }) } })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByText('Contributions des habitants')).toBeNull()
  })
})
