/**
 * The regulatory calendar: the dated deadlines of the référentiel that apply to this commune, between `from`
 * (included) and `from + months` (excluded). Pure: dates are ISO strings (YYYY-MM-DD), computed in UTC.
 *
 * - yearly: every year on its date; in a year of general renewal of councils (the current mandate's start year and
 *   its end year, when the next council is elected) the `renewalYear` date replaces it (budget: 30 April 2026, then
 *   15 April);
 * - quarterly: the last day of each quarter (31 March, 30 June, 30 September, 31 December);
 * - afterInstallation: once, the council's installation date + N months; skipped (never guessed) while the
 *   installation date is unknown;
 * - yearAfterRenewal: once, on its day of the calendar year after the mandate's start year;
 * - beforeBudget: a window of N months ending on the planned budget session when the commune entered it, else on the
 *   budget's legal deadline (15 April, 30 April in a renewal year) — the entry carries the window's first day.
 * A day beyond the end of its month (31 June) falls on the month's last day. A deadline tied to a criterion that does
 * not apply to the commune is left out, like one whose own rule does not match.
 */
import type { CalendarEntry } from '../../../shared/contract/calendar'
import { criterionApplicability, evaluateApplicability } from '../../../shared/referentiel/applicability'
import type { ApplicabilityContext } from '../../../shared/referentiel/profile'
import type { Deadline, Referentiel } from '../../../shared/referentiel/schema'
import { addMonths, isoDate } from '../days'

export interface CalendarInput {
  referentiel: Referentiel
  context: ApplicabilityContext
  mandate: { startYear: number; endYear: number; installedOn: string | null } | null
  /**
   * The planned budget sessions the commune entered: budget year → ISO date (the budget of 2027 may be voted in
   * December 2026), for deadlines counted before the budget.
   */
  budgetSessions?: Readonly<Record<string, string>>
  /** ISO date, included. */
  from: string
  months: number
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4))
}

interface Occurrence {
  dueOn: string
  /** First day of the window, for deadlines that are a period rather than a day. */
  windowStart?: string
  /** True when the window ends on the planned budget session the commune entered. */
  fromBudgetSession?: boolean
}

/** The budget's legal deadline of a year: 15 April, 30 April in a renewal year (CGCT L1612-2). */
export function budgetDeadline(year: number, renewalYears: number[]): string {
  return renewalYears.includes(year) ? isoDate(year, 4, 30) : isoDate(year, 4, 15)
}

function occurrences(deadline: Deadline, input: CalendarInput, from: string, until: string): Occurrence[] {
  const recurrence = deadline.recurrence
  const firstYear = yearOf(from)
  // A budget voted in December counts for the next year: its window may fall in the range.
  const lastYear = yearOf(until) + (recurrence.type === 'beforeBudget' ? 1 : 0)
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i)
  const renewalYears = input.mandate ? [input.mandate.startYear, input.mandate.endYear] : []
  switch (recurrence.type) {
    case 'yearly':
      return years.map((year) => {
        const date = recurrence.renewalYear !== 'unchanged' && renewalYears.includes(year) ? recurrence.renewalYear : recurrence
        return { dueOn: isoDate(year, date.month, date.day) }
      })
    case 'quarterly':
      return years.flatMap((year) => [3, 6, 9, 12].map((month) => ({ dueOn: isoDate(year, month, 31) })))
    case 'afterInstallation':
      return input.mandate?.installedOn ? [{ dueOn: addMonths(input.mandate.installedOn, recurrence.months) }] : []
    case 'yearAfterRenewal':
      return input.mandate ? [{ dueOn: isoDate(input.mandate.startYear + 1, recurrence.month, recurrence.day) }] : []
    case 'beforeBudget':
      return years.map((year) => {
        const session = input.budgetSessions?.[String(year)]
        const end = session ?? budgetDeadline(year, renewalYears)
        return { dueOn: end, windowStart: addMonths(end, -recurrence.months), fromBudgetSession: session !== undefined }
      })
  }
}

export function upcomingDeadlines(input: CalendarInput): CalendarEntry[] {
  const until = addMonths(input.from, input.months)
  const criteria = new Map(input.referentiel.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria.map((c) => [c.id, c] as const))))
  const entries: CalendarEntry[] = []
  for (const deadline of input.referentiel.deadlines) {
    if (!evaluateApplicability(deadline.appliesWhen, input.context).applies) continue
    const criterion = deadline.criterionId === undefined ? undefined : criteria.get(deadline.criterionId)
    if (criterion && !criterionApplicability(criterion, input.context).applies) continue
    for (const { dueOn, windowStart, fromBudgetSession } of occurrences(deadline, input, input.from, until)) {
      if (dueOn < input.from || dueOn >= until) continue
      entries.push({
        deadlineId: deadline.id,
        title: deadline.title,
        description: deadline.description,
        dueOn,
        windowStart: windowStart ?? null,
        fromBudgetSession: fromBudgetSession ?? false,
        criterionId: deadline.criterionId ?? null,
        legalBasis: deadline.legalBasis,
      })
    }
  }
  return entries.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'fr'))
}
