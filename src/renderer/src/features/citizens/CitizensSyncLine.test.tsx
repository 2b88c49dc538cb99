import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CitizensSyncReport, CitizensSyncStatus } from '@shared/contract'
import { renderWithApp, type Rendered } from '../../testing/render'
import { CitizensSyncLine } from './CitizensSyncLine'

/** Local times, so that the expected French words do not depend on the machine's time zone. */
const at = (day: number, hour: number, minute: number) => new Date(2026, 11, day, hour, minute).toISOString()

function status(values: Partial<CitizensSyncStatus> = {}): CitizensSyncStatus {
  return {
    connected: true,
    lastSyncAt: at(1, 9, 0),
    lastSyncNew: 2,
    lastAttemptAt: at(1, 9, 0),
    lastError: null,
    running: null,
    unseen: 0,
    unanswered: 0,
    total: 40,
    ...values,
  }
}

/** An event from the main process, its effects on screen settled before the next line of the test. */
const sender =
  ({ emit }: Rendered): Rendered['emit'] =>
  (event, payload) =>
    act(() => emit(event, payload))

const PULL = 'citoyens'

describe('CitizensSyncLine', () => {
  it('says when the last sync happened and what it brought, with nothing running', async () => {
    renderWithApp(<CitizensSyncLine />, { answers: { 'citizens.syncStatus': () => status() } })
    expect(await screen.findByText('Dernière synchronisation le 1er décembre 2026 à 09:00 · 2 nouvelles contributions')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Synchroniser maintenant' }).hasAttribute('disabled')).toBe(false)
    expect(screen.queryByRole('status')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says it never synced yet, and why the last attempt failed after an earlier sync', async () => {
    const first = renderWithApp(<CitizensSyncLine />, {
      answers: { 'citizens.syncStatus': () => status({ lastSyncAt: null, lastSyncNew: 0, lastAttemptAt: null }) },
    })
    expect(await screen.findByText('Les contributions des habitants n’ont pas encore été récupérées depuis le portail citoyen.')).toBeTruthy()
    first.unmount()
    renderWithApp(<CitizensSyncLine />, {
      answers: {
        'citizens.syncStatus': () =>
          status({
            lastSyncNew: 0,
            lastAttemptAt: at(1, 9, 5),
            lastError: 'Le relais ne répond pas (relais.example.fr) : vérifiez l’adresse et la connexion à internet.',
          }),
      },
    })
    expect(await screen.findByText('Dernière synchronisation le 1er décembre 2026 à 09:00 · aucune nouvelle contribution')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe(
      'La dernière tentative (1er décembre 2026 à 09:05) n’a pas abouti. Le relais ne répond pas (relais.example.fr) : vérifiez l’adresse et la connexion à internet.',
    )
  })

  it('shows the pull’s progress in words while « Synchroniser maintenant » runs, then what it brought', async () => {
    let current = status()
    let finish: (report: CitizensSyncReport) => void = () => undefined
    const rendered = renderWithApp(<CitizensSyncLine />, {
      answers: {
        'citizens.syncStatus': () => current,
        'citizens.syncNow': () => new Promise<CitizensSyncReport>((resolve) => (finish = resolve)),
      },
    })
    const emit = sender(rendered)
    const button = await screen.findByRole('button', { name: 'Synchroniser maintenant' })
    await rendered.user.click(button)
    expect((await screen.findByRole('status')).textContent).toBe('Synchronisation en cours…')
    expect(button.hasAttribute('disabled')).toBe(true)

    emit('progress', { task: PULL, done: 0, total: 0, label: 'Connexion au portail citoyen…' })
    expect(screen.getByRole('status').textContent).toBe('Connexion au portail citoyen…')
    emit('progress', { task: PULL, done: 1000, total: 0, label: '1 000 éléments reçus, dont 12 nouvelles contributions…' })
    expect(screen.getByRole('status').textContent).toBe('1 000 éléments reçus, dont 12 nouvelles contributions…')
    // Another task's progress (a backup running meanwhile) is not the sync's.
    emit('progress', { task: 'donnees:backup', done: 1, total: 3, label: 'Copie des documents…' })
    expect(screen.getByRole('status').textContent).toBe('1 000 éléments reçus, dont 12 nouvelles contributions…')

    current = status({ lastSyncAt: at(2, 10, 15), lastAttemptAt: at(2, 10, 15), lastSyncNew: 12 })
    finish({ received: 1000, newContributions: 12, pages: 2, problem: null })
    expect(await screen.findByText('Dernière synchronisation le 2 décembre 2026 à 10:15 · 12 nouvelles contributions')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Synchronisation terminée : 12 nouvelles contributions.')
    expect(button.hasAttribute('disabled')).toBe(false)
  })

  it('shows a sync the app started by itself, from its status then from its progress, until it ends', async () => {
    let current = status({ running: 'Connexion au portail citoyen…' })
    const emit = sender(renderWithApp(<CitizensSyncLine />, { answers: { 'citizens.syncStatus': () => current } }))
    expect((await screen.findByRole('status')).textContent).toBe('Connexion au portail citoyen…')
    emit('progress', { task: PULL, done: 250, total: 0, label: '250 éléments reçus, dont 1 nouvelle contribution…' })
    expect(screen.getByRole('status').textContent).toBe('250 éléments reçus, dont 1 nouvelle contribution…')

    current = status({ lastSyncAt: at(2, 11, 0), lastAttemptAt: at(2, 11, 0), lastSyncNew: 1 })
    emit('data.changed', { domains: ['citizens'] })
    expect(await screen.findByText('Dernière synchronisation le 2 décembre 2026 à 11:00 · 1 nouvelle contribution')).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull())
  })
})
