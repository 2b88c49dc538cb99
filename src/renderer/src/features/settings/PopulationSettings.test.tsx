import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Link, Route, Routes } from 'react-router'
import type { Commune } from '@shared/contract'
import { failure, renderWithApp } from '../../testing/render'
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
const year = () => screen.getByLabelText('En vigueur au 1er janvier') as HTMLInputElement

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

  it('says what is wrong while typing, and sends nothing until it is right', async () => {
    const app = renderWithApp(<SettingsWithMenu />, { route: '/parametres/commune' })
    await app.user.type(totale(), '4000000')
    expect(await screen.findByText('La population totale semble trop grande : vérifiez le chiffre.')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer la population' }))
    expect(app.inputsOf('commune.setPopulation')).toEqual([])
    await app.user.clear(totale())
    await app.user.type(totale(), '4000')
    await waitFor(() => expect(screen.queryByText('La population totale semble trop grande : vérifiez le chiffre.')).toBeNull())
  })

  it('saves the figure, shows what it changes, and then leaves without asking', async () => {
    const app = renderWithApp(<SettingsWithMenu />, {
      route: '/parametres/commune',
      answers: {
        'commune.setPopulation': (input) => ({
          commune: { ...commune, populationTotale: input.populationTotale, populationTotaleYear: input.year ?? null },
          starting: [],
          stopping: [],
        }),
      },
    })
    await app.user.type(totale(), '1230')
    await app.user.type(year(), '2026')
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer la population' }))
    expect(await screen.findByText('Aucune obligation ne commence ni ne cesse de s’appliquer avec ce chiffre.')).toBeTruthy()
    expect(app.inputsOf('commune.setPopulation')).toEqual([{ populationTotale: 1230, year: 2026 }])
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
  })

  it('a refusal keeps what was typed and says why', async () => {
    const app = renderWithApp(<SettingsWithMenu />, {
      route: '/parametres/commune',
      answers: { 'commune.setPopulation': () => failure('Seul un administrateur peut modifier la population.') },
    })
    await app.user.type(totale(), '230')
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer la population' }))
    expect(await screen.findByText('Seul un administrateur peut modifier la population.')).toBeTruthy()
    expect(totale().value).toBe('230')
  })
})
