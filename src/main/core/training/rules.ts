/**
 * The rules of the training of élus, as pure functions (no database, no clock). The figures come from the shipped
 * content (resources/formation/formation.json), which cites the texts:
 *
 * - first year (CGCT L2123-12): an élu with a délégation (adjoint, conseiller délégué) is trained when a training
 *   marked « suivie » starts between the council's installation and the last day of the first year, which is the
 *   installation date + 12 months − 1 day (installed 27 March 2026: up to 26 March 2027 included);
 * - budget (L2123-14): floor = 2 % and ceiling = 20 % of the total of the maximal allowances, in cents rounded to the
 *   nearest; the floor is compared with the credits voted for the year (without the carry-over), the ceiling with
 *   what the commune committed and spent; unspent credits (voted + carried in − spent) carry over in full to the next
 *   year, except at the end of a year of general renewal (the mandate's first and last years), which carries nothing;
 *   a year may declare its opening carry-over instead (the first year followed in Cap Commune);
 * - training leave (L2123-13): the days of the trainings followed, and separately of those requested or registered,
 *   during the mandate, against the limit for the mandate (24 days since the law of 22 December 2025).
 */
import type { BudgetYear, TrainingStatus } from '../../../shared/contract/training'
import { addDays, addMonths } from '../days'

/** The last day of the first year of the mandate; null while the installation date is unknown. */
export function firstYearEndsOn(installedOn: string | null, months = 12): string | null {
  return installedOn === null ? null : addDays(addMonths(installedOn, months), -1)
}

export interface TrainingFacts {
  status: TrainingStatus
  startOn: string | null
  leaveDays: number
}

/** A training followed that started during the first year (installation date to its last day, both included). */
export function trainedInFirstYear(trainings: TrainingFacts[], installedOn: string | null, lastDay: string | null): boolean {
  if (installedOn === null || lastDay === null) return false
  return trainings.some((t) => t.status === 'suivie' && t.startOn !== null && t.startOn >= installedOn && t.startOn <= lastDay)
}

/** A training requested or registered that starts before the end of the first year: planned, not done yet. */
export function plannedInFirstYear(trainings: TrainingFacts[], lastDay: string | null): boolean {
  return trainings.some(
    (t) => (t.status === 'demandee' || t.status === 'inscrite') && t.startOn !== null && (lastDay === null || t.startOn <= lastDay),
  )
}

export interface MandateSpan {
  startYear: number
  endYear: number
  installedOn: string | null
}

/** Whether a date falls within the mandate: from the installation (or 1 January of its first year) to 31 December of its last. */
export function withinMandate(iso: string, mandate: MandateSpan): boolean {
  const from = mandate.installedOn ?? `${mandate.startYear}-01-01`
  return iso >= from && iso <= `${mandate.endYear}-12-31`
}

/** Days of training leave used (followed) and planned (requested or registered) during the mandate. */
export function leaveDays(trainings: TrainingFacts[], mandate: MandateSpan): { used: number; planned: number } {
  let used = 0
  let planned = 0
  for (const t of trainings) {
    if (t.startOn === null || !withinMandate(t.startOn, mandate)) continue
    if (t.status === 'suivie') used += t.leaveDays
    else if (t.status === 'demandee' || t.status === 'inscrite') planned += t.leaveDays
  }
  return { used, planned }
}

/** Statuses that book the commune's money: requested or registered (committed), followed (spent). */
export function isCommitted(status: TrainingStatus): boolean {
  return status === 'demandee' || status === 'inscrite'
}

export interface BudgetInputs {
  year: number
  maxAllowancesCents: number | null
  floorPercent: number
  ceilingPercent: number
  /** Renewal years: the mandate's first and last years. */
  renewalYears: readonly number[]
  /** Rows of training_budgets by year. */
  budgets: ReadonlyMap<number, { votedCents: number | null; openingCarryCents: number | null }>
  /** What the commune's trainings cost, by year of their start: committed and spent. */
  expenses: ReadonlyMap<number, { committedCents: number; spentCents: number }>
}

export function percentOf(cents: number, percent: number): number {
  return Math.round((cents * percent) / 100)
}

/** The budget of one year, with the carry-over chained from the first year Cap Commune knows. */
export function budgetYear(input: BudgetInputs): BudgetYear {
  const known = [...input.budgets.keys(), ...input.expenses.keys()].filter((y) => y <= input.year)
  const firstYear = Math.min(input.year, ...known)
  let carriedIn = 0
  let result: BudgetYear | null = null
  for (let year = firstYear; year <= input.year; year++) {
    const budget = input.budgets.get(year)
    const expense = input.expenses.get(year) ?? { committedCents: 0, spentCents: 0 }
    if (budget?.openingCarryCents !== null && budget?.openingCarryCents !== undefined) carriedIn = budget.openingCarryCents
    const voted = budget?.votedCents ?? null
    const renewalYear = input.renewalYears.includes(year)
    const unspent = Math.max(0, (voted ?? 0) + carriedIn - expense.spentCents)
    const carryOut = renewalYear ? 0 : unspent
    if (year === input.year) {
      const max = input.maxAllowancesCents
      const floor = max === null ? null : percentOf(max, input.floorPercent)
      const ceiling = max === null ? null : percentOf(max, input.ceilingPercent)
      result = {
        year,
        maxAllowancesCents: max,
        floorCents: floor,
        ceilingCents: ceiling,
        votedCents: voted,
        carriedInCents: carriedIn,
        committedCents: expense.committedCents,
        spentCents: expense.spentCents,
        availableCents: (voted ?? 0) + carriedIn - expense.committedCents - expense.spentCents,
        carryOutCents: carryOut,
        renewalYear,
        belowFloor: floor !== null && voted !== null && voted < floor,
        aboveCeiling: ceiling !== null && expense.committedCents + expense.spentCents > ceiling,
        openingCarryCents: budget?.openingCarryCents ?? null,
      }
    }
    carriedIn = carryOut
  }
  return result!
}

/** Lower case, without accents or ligatures: how délégations and keywords are compared. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
}

/** The catalogue's domains whose keywords appear in a délégation (« Voirie, travaux et cimetière »), in catalogue order. */
export function domainsOfDelegation(delegation: string, catalogue: readonly { domainId: string; keywords: readonly string[] }[]): string[] {
  const text = ` ${fold(delegation).replace(/[^a-z0-9]+/g, ' ')} `
  if (text.trim() === '') return []
  return catalogue
    .filter((entry) =>
      entry.keywords.some((keyword) =>
        text.includes(
          ` ${fold(keyword)
            .replace(/[^a-z0-9]+/g, ' ')
            .trim()}`,
        ),
      ),
    )
    .map((entry) => entry.domainId)
}
