/** Formation des élus › Budget: the amounts typed are not lost by another tab or another page. */
import { screen } from '@testing-library/react'
import { useSearchParams } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
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
function TrainingTabs({ onYear = () => undefined }: { onYear?: (year: number) => void }) {
  const [params, setParams] = useSearchParams()
  return (
    <>
      <button type="button" onClick={() => setParams({ onglet: 'organismes' })}>
        Organismes
      </button>
      {params.get('onglet') === 'organismes' ? <p>Onglet organismes</p> : <BudgetPanel overview={overview} isAdmin year={2026} onYear={onYear} />}
    </>
  )
}

const renderPanel = (onYear?: (year: number) => void) =>
  renderWithApp(
    <PageWithMenu path="/formation">
      <TrainingTabs onYear={onYear} />
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

  it('asks before another year is chosen with the credits typed, and keeps them until told to drop them', async () => {
    const onYear = vi.fn()
    const app = renderPanel(onYear)
    const credits = () => screen.getByRole('textbox', { name: 'Crédits votés pour 2026' }) as HTMLInputElement
    await app.user.type(credits(), '1200')
    const chooseYear = async () => {
      await app.user.click(screen.getAllByLabelText('Année').find((element) => element.tagName === 'INPUT')!)
      await app.user.click(await screen.findByRole('option', { name: '2027' }))
    }
    await chooseYear()
    expect(await screen.findByText(/en choisissant une autre année, ils seront perdus/)).toBeTruthy()
    await keepEditing(app)
    expect(onYear).not.toHaveBeenCalled()
    expect(credits().value).toMatch(/^1\s?200/)
    await chooseYear()
    await app.user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
    expect(onYear).toHaveBeenCalledWith(2027)
  })

  it('changes year at once while nothing is typed', async () => {
    const onYear = vi.fn()
    const app = renderPanel(onYear)
    await screen.findByRole('textbox', { name: 'Crédits votés pour 2026' })
    await app.user.click(screen.getAllByLabelText('Année').find((element) => element.tagName === 'INPUT')!)
    await app.user.click(await screen.findByRole('option', { name: '2027' }))
    expect(onYear).toHaveBeenCalledWith(2027)
    expect(screen.queryByText('Abandonner la saisie ?')).toBeNull()
  })
})
