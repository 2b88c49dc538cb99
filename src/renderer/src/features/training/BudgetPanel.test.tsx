/** Formation des élus › Budget: the amounts typed are not lost by another tab or another page. */
import { screen } from '@testing-library/react'
import { useSearchParams } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { BudgetYear, TrainingOverview } from '@shared/contract'
import { keepEditing, leaveAndExpectQuestion, leaveAtOnce, PageWithMenu } from '../../testing/leave'
import { renderWithApp } from '../../testing/render'
import { BudgetPanel } from './BudgetPanel'

const budget: BudgetYear = {
  year: 2026,
  maxAllowancesCents: null,
  floorCents: null,
  ceilingCents: null,
  votedCents: null,
  carriedInCents: 0,
  committedCents: 0,
  spentCents: 0,
  availableCents: 0,
  carryOutCents: 0,
  renewalYear: false,
  belowFloor: false,
  aboveCeiling: false,
  openingCarryCents: null,
}
const overview = {
  budget,
  settings: { maxAllowancesCents: null, deliberationOn: null },
  mandate: { startYear: 2026, endYear: 2032, installedOn: null },
  content: { allowancesHelp: [] },
} as unknown as TrainingOverview

/** The training page's tabs are in its address, as on TrainingPage. */
function TrainingTabs() {
  const [params, setParams] = useSearchParams()
  return (
    <>
      <button type="button" onClick={() => setParams({ onglet: 'organismes' })}>
        Organismes
      </button>
      {params.get('onglet') === 'organismes' ? (
        <p>Onglet organismes</p>
      ) : (
        <BudgetPanel overview={overview} isAdmin year={2026} onYear={() => undefined} />
      )}
    </>
  )
}

const renderPanel = () =>
  renderWithApp(
    <PageWithMenu path="/formation">
      <TrainingTabs />
    </PageWithMenu>,
    {
      route: '/formation?onglet=budget',
      answers: {
        'training.yearTable': () => ({ year: 2026, rows: [], totals: { costCents: 0, travelCents: 0, lostIncomeCents: 0, totalCents: 0 }, budget }),
      },
    },
  )

describe('Formation des élus › Budget: amounts being typed', () => {
  it('asks before leaving the page with the credits typed but not saved, and keeps them', async () => {
    const app = renderPanel()
    await app.user.type(screen.getByRole('textbox', { name: 'Crédits votés pour 2026' }), '1200')
    await leaveAndExpectQuestion(app)
    await keepEditing(app)
    expect((screen.getByRole('textbox', { name: 'Crédits votés pour 2026' }) as HTMLInputElement).value).toMatch(/^1\s?200/)
  })

  it('asks before another tab too, with the allowances typed', async () => {
    const app = renderPanel()
    await app.user.type(screen.getByRole('textbox', { name: 'Total annuel des indemnités maximales des élus' }), '25000')
    await app.user.click(screen.getByRole('button', { name: 'Organismes' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Abandonner la saisie' }))
    expect(await screen.findByText('Onglet organismes')).toBeTruthy()
  })

  it('leaves at once while nothing is typed', async () => {
    const app = renderPanel()
    await screen.findByRole('textbox', { name: 'Crédits votés pour 2026' })
    await leaveAtOnce(app)
  })
})
