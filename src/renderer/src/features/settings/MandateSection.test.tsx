import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Link, Route, Routes } from 'react-router'
import { renderWithApp } from '../../testing/render'
import { MandateSection } from './CommuneSettings'

/** Paramètres › Commune with a link elsewhere, as the menu offers. */
function SettingsWithMenu() {
  return (
    <>
      <Link to="/">Accueil</Link>
      <Routes>
        <Route path="/" element={<p>Page d’accueil</p>} />
        <Route path="/parametres/commune" element={<MandateSection canEdit />} />
      </Routes>
    </>
  )
}

const answers = { 'mandate.get': () => ({ startYear: 2026, endYear: 2032, installedOn: null }) }
const startYear = () => screen.getByLabelText('Année de début du mandat') as HTMLInputElement

describe('Paramètres › Commune: the mandate form', () => {
  it('leaves at once while nothing is typed', async () => {
    const app = renderWithApp(<SettingsWithMenu />, { answers, route: '/parametres/commune' })
    await screen.findByLabelText('Année de début du mandat')
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
  })

  it('asks before leaving the page with a year typed; « Continuer la saisie » keeps it, « Abandonner la saisie » leaves', async () => {
    const app = renderWithApp(<SettingsWithMenu />, { answers, route: '/parametres/commune' })
    await screen.findByLabelText('Année de début du mandat')
    await app.user.clear(startYear())
    await app.user.type(startYear(), '2020')
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    expect(screen.getByText(/sur cette page n’est pas enregistré/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(screen.queryByText('Page d’accueil')).toBeNull()
    expect(startYear().value).toBe('2020')
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    await app.user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
    expect(app.inputsOf('mandate.update')).toEqual([])
  })
})
