import { Route, Routes } from 'react-router'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { PollResults } from '@shared/contract'
import { failure, renderWithApp, type Answers } from '../../testing/render'
import { PollResultsPage } from './PollResultsPage'

// jsdom has no canvas: the chart shows what it was given to draw, per series.
vi.mock('react-chartjs-2', () => ({
  Bar: ({ data }: { data: { datasets: { label: string; data: number[] }[] } }) => (
    <ul>
      {data.datasets.map((set) => (
        <li key={set.label}>{`${set.label} : ${set.data.join(', ')}`}</li>
      ))}
    </ul>
  ),
}))

function results(values: Partial<PollResults> = {}): PollResults {
  return {
    poll: {
      id: 4,
      kind: 'vote',
      title: 'Aménagement de la place',
      opensOn: '2026-11-20',
      closesOn: '2026-12-15',
      results: 'a_la_cloture',
      withdrawnAt: null,
    },
    stage: 'en_cours',
    provisional: true,
    hiddenFromCitizens: true,
    participation: { online: 1234, paper: 0, total: 1234 },
    paper: null,
    questions: [
      {
        id: 'q1',
        kind: 'choix_unique',
        label: 'Quel aménagement préférez-vous ?',
        answered: { online: 1234, paper: 0, total: 1234 },
        options: [
          { id: 'a', label: 'Un jardin', online: 800, paper: 0, total: 800, percent: 64.8 },
          { id: 'b', label: 'Un parking', online: 434, paper: 0, total: 434, percent: 35.2 },
        ],
        texts: [],
      },
      {
        id: 'q2',
        kind: 'texte_court',
        label: 'Une remarque ?',
        answered: { online: 1, paper: 0, total: 1 },
        options: [],
        texts: [{ text: '<b>Plus de bancs</b> https://exemple.fr', answeredAt: '2026-11-25T10:00:00.000Z' }],
      },
    ],
    ...values,
  }
}

function renderPage(answers: Answers) {
  return renderWithApp(
    <Routes>
      <Route path="/consultations/:pollId/resultats" element={<PollResultsPage />} />
    </Routes>,
    { route: '/consultations/4/resultats', answers },
  )
}

describe('PollResultsPage', () => {
  it('shows provisional results: participation in French numbers, a table per question, short answers as plain text', async () => {
    const app = renderPage({ 'pollResults.get': () => results() })
    expect(await screen.findByRole('heading', { name: 'Aménagement de la place' })).toBeTruthy()
    expect(screen.getAllByText('Résultats provisoires').length).toBeGreaterThan(0)
    expect(screen.getByText(/les citoyens ne les voient pas encore/)).toBeTruthy()
    const question = screen.getByRole('region', { name: 'Quel aménagement préférez-vous ?' })
    const jardin = within(question).getByRole('row', { name: /Un jardin/ })
    expect(within(jardin).getAllByText('800')).toHaveLength(2)
    expect(within(jardin).getByText('64,8 %')).toBeTruthy()
    expect(screen.getAllByText('1 234').length).toBeGreaterThan(0)
    const chart = within(question).getByRole('img', { name: 'Réponses à « Quel aménagement préférez-vous ? » : en ligne et papier' })
    expect(chart.textContent).toMatch(/En ligne : 800, 434/)
    expect(chart.textContent).toMatch(/Sur papier : 0, 0/)
    // The table's columns say what the legend says.
    expect(within(question).getByRole('columnheader', { name: 'Sur papier' })).toBeTruthy()
    expect(within(question).getByRole('columnheader', { name: 'En ligne' })).toBeTruthy()
    // The citizen's text is shown as typed: no bold, no <a href>; its https address opens only after a confirmation.
    const remark = screen.getByText((_, node) => node?.tagName === 'P' && node.textContent === '<b>Plus de bancs</b> https://exemple.fr')
    expect(remark.querySelector('b, a')).toBeNull()
    expect(within(remark).getByRole('button', { name: 'https://exemple.fr' }).getAttribute('aria-haspopup')).toBe('dialog')
    expect(app.inputsOf('pollResults.get')).toEqual([{ pollId: 4 }])
  })

  it('enters paper ballots and shows the French refusal of the main process beside the form, keeping what was typed', async () => {
    const app = renderPage({
      'pollResults.get': () => results(),
      'pollResults.setPaper': () =>
        failure(
          'Les choix de la question « Quel aménagement préférez-vous ? » totalisent 12 bulletins, plus que les 10 bulletins papier reçus : un bulletin ne compte qu’une fois.',
        ),
    })
    await app.user.click(await screen.findByRole('button', { name: 'Saisir les bulletins papier' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.click(within(dialog).getByRole('button', { name: 'Enregistrer les bulletins' }))
    expect(await within(dialog).findByText(/Indiquez le nombre de bulletins papier reçus/)).toBeTruthy()
    expect(app.inputsOf('pollResults.setPaper')).toEqual([])

    await app.user.type(within(dialog).getByLabelText(/Nombre de bulletins papier reçus/), '10')
    await app.user.type(within(dialog).getByLabelText('Un jardin'), '7')
    await app.user.type(within(dialog).getByLabelText('Un parking'), '5')
    await app.user.click(within(dialog).getByRole('button', { name: 'Enregistrer les bulletins' }))
    expect(await within(dialog).findByText(/totalisent 12 bulletins, plus que les 10 bulletins papier reçus/)).toBeTruthy()
    expect(app.inputsOf('pollResults.setPaper')).toEqual([
      {
        pollId: 4,
        ballots: 10,
        counts: [
          { questionId: 'q1', optionId: 'a', count: 7 },
          { questionId: 'q1', optionId: 'b', count: 5 },
        ],
      },
    ])
    expect((within(dialog).getByLabelText('Un jardin') as HTMLInputElement).value).toBe('7')
  })

  it('asks « Abandonner la saisie ? » before closing the paper ballots form with something typed', async () => {
    const app = renderPage({ 'pollResults.get': () => results() })
    await app.user.click(await screen.findByRole('button', { name: 'Saisir les bulletins papier' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.type(within(dialog).getByLabelText(/Nombre de bulletins papier reçus/), '3')
    await app.user.click(within(dialog).getByRole('button', { name: 'Annuler' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Abandonner la saisie' }))
    await waitFor(() => expect(screen.queryByLabelText(/Nombre de bulletins papier reçus/)).toBeNull())
  })

  it('removes the paper ballots only after a confirmation, and shows final results once closed', async () => {
    const closed = results({
      stage: 'close',
      provisional: false,
      hiddenFromCitizens: false,
      participation: { online: 1234, paper: 10, total: 1244 },
      paper: { ballots: 10, updatedAt: '2026-12-16T09:00:00.000Z', updatedBy: 'Secrétariat' },
    })
    const app = renderPage({ 'pollResults.get': () => closed, 'pollResults.removePaper': () => results() })
    expect(await screen.findByText('Résultats définitifs')).toBeTruthy()
    expect(screen.queryByText('Résultats provisoires')).toBeNull()
    expect(screen.getByText(/10 bulletins papier saisis par Secrétariat/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Retirer les bulletins papier' }))
    expect(await screen.findByText(/Les 10 bulletins papier et leurs nombres par choix seront retirés/)).toBeTruthy()
    expect(app.inputsOf('pollResults.removePaper')).toEqual([])
    await app.user.click(screen.getByRole('button', { name: 'Supprimer' }))
    await waitFor(() => expect(app.inputsOf('pollResults.removePaper')).toEqual([{ pollId: 4 }]))
  })
})
