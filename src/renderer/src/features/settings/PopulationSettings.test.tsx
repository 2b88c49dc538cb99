import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Link, Route, Routes } from 'react-router'
import type { Commune } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { PopulationSettings } from './PopulationSettings'

const commune: Commune = {
  inseeCode: '10145',
  name: 'Faux-Villecerf',
  departementCode: '10',
  departementName: 'Aube',
  regionCode: '44',
  regionName: 'Grand Est',
  postalCodes: ['10290'],
  siren: '211001458',
  population: 215,
  epci: null,
  populationTotale: null,
  populationTotaleYear: null,
  source: 'Insee, populations légales 2023',
  updatedAt: '2026-05-04T10:00:00.000Z',
}

/** Paramètres › Commune with a link elsewhere, as the menu offers. */
function SettingsWithMenu() {
  return (
    <>
      <Link to="/">Accueil</Link>
      <Routes>
        <Route path="/" element={<p>Page d’accueil</p>} />
        <Route path="/parametres/commune" element={<PopulationSettings commune={commune} canEdit />} />
      </Routes>
    </>
  )
}

const totale = () => screen.getByLabelText(/Population totale \(Insee\)/) as HTMLInputElement

describe('Paramètres › Commune: the population totale', () => {
  it('leaves at once while nothing is typed', async () => {
    const app = renderWithApp(<SettingsWithMenu />, { route: '/parametres/commune' })
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
  })

  it('asks before leaving with a figure typed and not saved; « Continuer la saisie » keeps it', async () => {
    const app = renderWithApp(<SettingsWithMenu />, { route: '/parametres/commune' })
    await app.user.type(totale(), '230')
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(screen.queryByText('Page d’accueil')).toBeNull()
    expect(totale().value).toBe('230')
    expect(app.inputsOf('commune.setPopulation')).toEqual([])
  })
})
