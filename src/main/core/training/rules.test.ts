import { describe, expect, it } from 'vitest'
import { loadReferentiel, resolveDefaultReferentielFile } from '../referentiel/load'
import { findAppRoot } from '../paths'
import { trainingContent } from './content'
import {
  budgetYear,
  domainsOfDelegation,
  firstYearEndsOn,
  leaveDays,
  plannedInFirstYear,
  trainedInFirstYear,
  withinMandate,
  type BudgetInputs,
} from './rules'

const MANDATE = { startYear: 2026, endYear: 2032, installedOn: '2026-03-27' }

describe('the first year of the mandate (CGCT L2123-12)', () => {
  it('ends the day before the anniversary of the installation', () => {
    expect(firstYearEndsOn('2026-03-27')).toBe('2027-03-26')
    expect(firstYearEndsOn('2026-01-01')).toBe('2026-12-31')
    // 29 February has no anniversary: 28 February + 1 year − 1 day.
    expect(firstYearEndsOn('2028-02-29')).toBe('2029-02-27')
    expect(firstYearEndsOn(null)).toBeNull()
  })

  it('counts a training followed from the installation day to the last day included, not the day after', () => {
    const lastDay = firstYearEndsOn(MANDATE.installedOn)!
    const followed = (startOn: string) => [{ status: 'suivie' as const, startOn, leaveDays: 0 }]
    expect(trainedInFirstYear(followed('2026-03-27'), MANDATE.installedOn, lastDay)).toBe(true)
    expect(trainedInFirstYear(followed('2027-03-26'), MANDATE.installedOn, lastDay)).toBe(true)
    expect(trainedInFirstYear(followed('2027-03-27'), MANDATE.installedOn, lastDay)).toBe(false)
    expect(trainedInFirstYear(followed('2026-03-26'), MANDATE.installedOn, lastDay)).toBe(false)
    // Registered is planned, not trained; cancelled is neither.
    expect(trainedInFirstYear([{ status: 'inscrite', startOn: '2026-06-01', leaveDays: 0 }], MANDATE.installedOn, lastDay)).toBe(false)
    expect(plannedInFirstYear([{ status: 'inscrite', startOn: '2026-06-01', leaveDays: 0 }], lastDay)).toBe(true)
    expect(plannedInFirstYear([{ status: 'annulee', startOn: '2026-06-01', leaveDays: 0 }], lastDay)).toBe(false)
    expect(plannedInFirstYear([{ status: 'inscrite', startOn: '2027-03-27', leaveDays: 0 }], lastDay)).toBe(false)
    // Without the installation date nothing can be counted.
    expect(trainedInFirstYear(followed('2026-06-01'), null, null)).toBe(false)
  })
})

describe('the training leave (CGCT L2123-13)', () => {
  it('adds the days followed and, apart, those planned, within the mandate only', () => {
    const days = leaveDays(
      [
        { status: 'suivie', startOn: '2026-05-10', leaveDays: 2 },
        { status: 'suivie', startOn: '2026-03-01', leaveDays: 5 }, // before the installation
        { status: 'inscrite', startOn: '2027-01-15', leaveDays: 1.5 },
        { status: 'annulee', startOn: '2027-02-15', leaveDays: 3 },
        { status: 'souhaitee', startOn: null, leaveDays: 4 },
      ],
      MANDATE,
    )
    expect(days).toEqual({ used: 2, planned: 1.5 })
    expect(withinMandate('2032-12-31', MANDATE)).toBe(true)
    expect(withinMandate('2033-01-01', MANDATE)).toBe(false)
    expect(withinMandate('2026-03-26', MANDATE)).toBe(false)
  })
})

function budget(overrides: Partial<BudgetInputs>): ReturnType<typeof budgetYear> {
  return budgetYear({
    year: 2027,
    maxAllowancesCents: 50_000_00,
    floorPercent: 2,
    ceilingPercent: 20,
    renewalYears: [2026, 2032],
    budgets: new Map(),
    expenses: new Map(),
    ...overrides,
  })
}

describe('the training budget (CGCT L2123-14)', () => {
  it('sets the floor at 2 % and the ceiling at 20 % of the maximal allowances, and warns below the floor only', () => {
    const at = (votedCents: number) => budget({ budgets: new Map([[2027, { votedCents, openingCarryCents: null }]]) })
    expect(at(1_000_00)).toMatchObject({ floorCents: 1_000_00, ceilingCents: 10_000_00, belowFloor: false })
    expect(at(999_99).belowFloor).toBe(true)
    // Not entered yet: no warning (the page says the credits are missing instead).
    expect(budget({}).belowFloor).toBe(false)
    expect(budget({ maxAllowancesCents: null })).toMatchObject({ floorCents: null, ceilingCents: null, belowFloor: false })
    // Rounded to the nearest cent: 2 % of 123,45 € is 2,469 € → 2,47 €.
    expect(budget({ maxAllowancesCents: 123_45 }).floorCents).toBe(247)
  })

  it('warns when committed and spent go beyond the ceiling, not at it', () => {
    const spend = (spentCents: number, committedCents = 0) => budget({ expenses: new Map([[2027, { spentCents, committedCents }]]) })
    expect(spend(10_000_00).aboveCeiling).toBe(false)
    expect(spend(9_000_00, 1_000_01).aboveCeiling).toBe(true)
  })

  it('carries unspent credits over in full, year after year, but not beyond a renewal year', () => {
    const budgets = new Map([
      [2026, { votedCents: 1_000_00, openingCarryCents: 300_00 }],
      [2027, { votedCents: 1_000_00, openingCarryCents: null }],
      [2028, { votedCents: 1_000_00, openingCarryCents: null }],
      [2032, { votedCents: 1_000_00, openingCarryCents: null }],
    ])
    const expenses = new Map([
      [2026, { spentCents: 800_00, committedCents: 0 }],
      [2027, { spentCents: 200_00, committedCents: 100_00 }],
    ])
    // 2026 is the renewal year: 300 + 1 000 − 800 = 500 left, not carried beyond it.
    expect(budget({ year: 2026, budgets, expenses })).toMatchObject({ carriedInCents: 300_00, carryOutCents: 0, renewalYear: true })
    // 2027: nothing carried in; 1 000 − 200 = 800 go to 2028 (committed is not consumed at the close).
    expect(budget({ year: 2027, budgets, expenses })).toMatchObject({ carriedInCents: 0, availableCents: 700_00, carryOutCents: 800_00 })
    expect(budget({ year: 2028, budgets, expenses })).toMatchObject({ carriedInCents: 800_00, carryOutCents: 1_800_00 })
    // Years without a row carry on: 2029–2031 vote nothing and spend nothing.
    expect(budget({ year: 2031, budgets, expenses }).carryOutCents).toBe(1_800_00)
    expect(budget({ year: 2032, budgets, expenses })).toMatchObject({ carriedInCents: 1_800_00, carryOutCents: 0, renewalYear: true })
    // Overspending never carries a negative amount.
    expect(budget({ year: 2027, budgets, expenses: new Map([[2027, { spentCents: 5_000_00, committedCents: 0 }]]) }).carryOutCents).toBe(0)
  })
})

describe('the shipped content', () => {
  const content = trainingContent()
  const referentiel = loadReferentiel(resolveDefaultReferentielFile(findAppRoot)).referentiel

  it('has a catalogue entry for every domain of the référentiel, and none for a domain that does not exist', () => {
    const domains = referentiel.domains.map((d) => d.id)
    expect(content.catalogue.map((c) => c.domainId).sort()).toEqual([...domains].sort())
  })

  it('cites a text and the date checked for every figure, and says which could not be confirmed', () => {
    expect(content.checkedOn).toBe('2026-12-01')
    // A pair of figures shares its source: the ceiling with the floor, the DIF's ceiling with its yearly amount.
    const sharedWith: Record<string, string> = { budgetCeilingPercent: 'budgetFloorPercent', difCeilingEuros: 'difYearlyEuros' }
    for (const rule of Object.keys(content.rules)) {
      expect(
        content.ruleSources.some((s) => s.rule === (sharedWith[rule] ?? rule)),
        rule,
      ).toBe(true)
    }
    const unconfirmed = content.ruleSources.filter((s) => !s.confirmed)
    expect(unconfirmed.map((s) => s.rule).sort()).toEqual(['incomeLossDays', 'trainingLeaveDays'])
    for (const source of unconfirmed) expect(source.note).toMatch(/pas pu|ayons pu confirmer/)
    expect(content.rules).toMatchObject({ budgetFloorPercent: 2, budgetCeilingPercent: 20, difYearlyEuros: 400, difCeilingEuros: 800 })
  })

  it('lists only public sources, and no price or course', () => {
    for (const source of content.sources) expect(new URL(source.url).hostname).toMatch(/\.gouv\.fr$|^www\.amf\.asso\.fr$/)
    const text = JSON.stringify(content.catalogue)
    expect(text).not.toMatch(/\d+\s?€|euros?\b/)
  })

  it('finds the domains of a délégation from its words, with or without accents', () => {
    expect(domainsOfDelegation('Voirie et chemins', content.catalogue)).toEqual(['voirie-reseaux-mobilite'])
    expect(domainsOfDelegation('ECOLE, périscolaire', content.catalogue)).toEqual(['enfance-jeunesse-ecole'])
    expect(domainsOfDelegation('Finances et personnel', content.catalogue)).toEqual(['finances', 'ressources-humaines'])
    expect(domainsOfDelegation('', content.catalogue)).toEqual([])
  })
})
