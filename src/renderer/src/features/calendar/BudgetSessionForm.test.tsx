import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CalendarEntry } from '@shared/contract'
import { failure, renderWithApp, type Answers } from '../../testing/render'
import { BudgetSessionForm } from './BudgetSessionForm'

/** The débat d'orientation budgétaire of the 2027 budget, ending on its legal deadline (no session planned yet). */
const dob: CalendarEntry = {
  deadlineId: 'dob',
  title: 'Débat d’orientation budgétaire',
  description: '',
  dueOn: '2027-04-15',
  windowStart: '2027-02-15',
  fromBudgetSession: false,
  criterionId: null,
  legalBasis: [],
}

const answers = (save: Answers['calendar.setBudgetSession']): Answers => ({
  'session.get': () => ({
    profile: { id: 1, displayName: 'Secrétaire', memberId: null, isAdmin: true, hasPassword: false, lastSignInAt: null },
  }),
  'calendar.budgetSessions': () => [],
  'calendar.setBudgetSession': save,
})

const field = () => screen.findByLabelText('Séance budgétaire prévue (budget 2027)') as Promise<HTMLInputElement>

describe('the planned budget session under the débat d’orientation budgétaire', () => {
  it('sends the date typed for its budget year', async () => {
    const app = renderWithApp(<BudgetSessionForm entry={dob} />, { answers: answers(() => []) })
    await app.user.type(await field(), '02/04/2027')
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer' }))
    await waitFor(() => expect(app.inputsOf('calendar.setBudgetSession')).toEqual([{ year: 2027, plannedOn: '2027-04-02' }]))
  })

  it('shows a refusal in French and keeps the date typed', async () => {
    const app = renderWithApp(<BudgetSessionForm entry={dob} />, { answers: answers(() => failure('Réservé aux administrateurs.')) })
    await app.user.type(await field(), '02/04/2027')
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer' }))
    expect(await screen.findByText('Réservé aux administrateurs.')).toBeTruthy()
    expect((await field()).value).toBe('02/04/2027')
  })

  it('removes a planned date: the same write without a date', async () => {
    const planned = { ...dob, dueOn: '2027-03-20', fromBudgetSession: true }
    const app = renderWithApp(<BudgetSessionForm entry={planned} />, { answers: answers(() => []) })
    expect((await field()).value).toBe('20/03/2027')
    await app.user.click(screen.getByRole('button', { name: 'Retirer la date' }))
    await waitFor(() => expect(app.inputsOf('calendar.setBudgetSession')).toEqual([{ year: 2027, plannedOn: null }]))
    await waitFor(async () => expect((await field()).value).toBe(''))
  })
})
