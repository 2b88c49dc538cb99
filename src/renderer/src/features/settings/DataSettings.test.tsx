import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Link, Route, Routes } from 'react-router'
import type { BackupStatus } from '@shared/contract'
import { failure, renderWithApp, type Answers } from '../../testing/render'
import { DataSettings } from './DataSettings'

/** A fake main process that remembers the second location and records a failed backup in the status, as the core does. */
function fakeMain(options: { backupFails?: string; refusePath?: string } = {}): Answers {
  const status: BackupStatus = {
    folder: '/donnees/sauvegardes',
    latest: null,
    running: null,
    lastFailure: null,
    secondLocation: null,
    usedBytes: 0,
    warnings: [],
    canChoose: false,
  }
  return {
    'app.status': () => ({ setupDone: true, version: '1.0.0', dataDir: '/donnees', profiles: [], activeProfileId: 1, recovery: null }),
    'backups.status': () => structuredClone(status),
    'backups.list': () => [],
    'backups.setSecondLocation': ({ path }) => {
      if (path && path === options.refusePath) return failure('Ce dossier est introuvable : branchez la clé USB puis réessayez.')
      status.secondLocation = path ? { path, lastCopyAt: null, lastAttemptAt: null, lastProblem: null } : null
      return { ok: true as const }
    },
    'backups.create': () => {
      status.lastFailure = { at: '2026-12-01T10:00:00.000Z', message: options.backupFails ?? '' }
      return failure(options.backupFails ?? '')
    },
  }
}

function DataWithMenu() {
  return (
    <>
      <Link to="/">Accueil</Link>
      <Routes>
        <Route path="/" element={<p>Page d’accueil</p>} />
        <Route path="/parametres/donnees" element={<DataSettings />} />
      </Routes>
    </>
  )
}

const folder = () => screen.getByLabelText('Dossier du second emplacement') as HTMLInputElement

describe('Paramètres › Données', () => {
  it('saves the second location with Enter (trimmed), then leaves without asking', async () => {
    const app = renderWithApp(<DataWithMenu />, { route: '/parametres/donnees', answers: fakeMain() })
    await app.user.type(await screen.findByLabelText('Dossier du second emplacement'), '  /media/cle-usb  {Enter}')
    expect(await screen.findByText(/Le second emplacement est enregistré/)).toBeTruthy()
    expect(app.inputsOf('backups.setSecondLocation')).toEqual([{ path: '/media/cle-usb' }])
    expect(folder().value).toBe('/media/cle-usb')
    expect(await screen.findByRole('button', { name: 'Ne plus copier' })).toBeTruthy()
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
  })

  it('asks before leaving with a folder typed and not saved', async () => {
    const app = renderWithApp(<DataWithMenu />, { route: '/parametres/donnees', answers: fakeMain() })
    await app.user.type(await screen.findByLabelText('Dossier du second emplacement'), 'E:\\')
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
  })

  it('a refused folder keeps what was typed and says why under the field', async () => {
    const app = renderWithApp(<DataWithMenu />, { route: '/parametres/donnees', answers: fakeMain({ refusePath: 'F:\\' }) })
    await app.user.type(await screen.findByLabelText('Dossier du second emplacement'), 'F:\\')
    await app.user.click(screen.getByRole('button', { name: 'Utiliser ce dossier' }))
    expect(await screen.findByText('Ce dossier est introuvable : branchez la clé USB puis réessayez.')).toBeTruthy()
    expect(folder().value).toBe('F:\\')
  })

  it('removing the second location empties the field', async () => {
    const app = renderWithApp(<DataWithMenu />, { route: '/parametres/donnees', answers: fakeMain() })
    await app.user.type(await screen.findByLabelText('Dossier du second emplacement'), '/media/cle-usb{Enter}')
    await app.user.click(await screen.findByRole('button', { name: 'Ne plus copier' }))
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Ne plus copier' })).toBeNull())
    expect(app.inputsOf('backups.setSecondLocation')).toEqual([{ path: '/media/cle-usb' }, { path: null }])
    expect(folder().value).toBe('')
  })

  it('a failed backup says why, and the status shows the recorded failure', async () => {
    const app = renderWithApp(<DataWithMenu />, { route: '/parametres/donnees', answers: fakeMain({ backupFails: 'Le disque est plein.' }) })
    await app.user.click(await screen.findByRole('button', { name: 'Sauvegarder maintenant' }))
    expect(await screen.findByText('Le disque est plein.')).toBeTruthy()
    expect(await screen.findByText(/La dernière tentative a échoué le .* : Le disque est plein\./)).toBeTruthy()
  })
})
