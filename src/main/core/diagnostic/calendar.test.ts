import { describe, expect, it } from 'vitest'
import { EMPTY_PROFILE } from '../../../shared/referentiel/profile'
import type { Deadline } from '../../../shared/referentiel/schema'
import { buildReferentiel, contextFor, testReference } from '../testing/referentiel'
import { upcomingDeadlines } from './calendar'

const CGCT = [testReference('L1612-2')]

const deadlines: Deadline[] = [
  {
    id: 'budget',
    title: 'Vote du budget primitif',
    description: 'Le budget est voté avant le 15 avril (30 avril l’année du renouvellement).',
    criterionId: 'budget-vote',
    legalBasis: CGCT,
    recurrence: { type: 'yearly', month: 4, day: 15, renewalYear: { month: 4, day: 30 } },
  },
  {
    id: 'conseil-trimestre',
    title: 'Réunion du conseil municipal',
    description: 'Le conseil se réunit au moins une fois par trimestre.',
    legalBasis: [testReference('L2121-7')],
    recurrence: { type: 'quarterly' },
  },
  {
    id: 'reglement-interieur',
    title: 'Règlement intérieur du conseil',
    description: 'Adopté dans les six mois qui suivent l’installation.',
    legalBasis: [testReference('L2121-8')],
    appliesWhen: { population: { measure: 'totale', atLeast: 1000 } },
    recurrence: { type: 'afterInstallation', months: 6 },
  },
  {
    id: 'dicrim',
    title: 'Mise à jour du DICRIM',
    description: 'Le document d’information est tenu à jour.',
    criterionId: 'dicrim-a-jour',
    legalBasis: [testReference('R731-1')],
    recurrence: { type: 'yearly', month: 6, day: 31, renewalYear: 'unchanged' },
  },
]

const referentiel = buildReferentiel(
  [
    {
      id: 'gouvernance',
      themes: [
        { id: 'finances', criteria: [{ id: 'budget-vote', weight: 5 }] },
        { id: 'risques', criteria: [{ id: 'dicrim-a-jour', weight: 3, appliesWhen: { fact: 'majorRisk', is: true } }] },
      ],
    },
  ],
  deadlines,
)

const mandate = { startYear: 2026, endYear: 2032, installedOn: '2026-03-27' }

describe('upcomingDeadlines', () => {
  it('renewal year 2026: budget by 30 April; quarters; installation + 6 months for a commune of 1 000+', () => {
    const entries = upcomingDeadlines({ referentiel, context: contextFor(1200), mandate, from: '2026-01-01', months: 12 })
    expect(entries.map((e) => [e.dueOn, e.deadlineId])).toEqual([
      ['2026-03-31', 'conseil-trimestre'],
      ['2026-04-30', 'budget'],
      ['2026-06-30', 'conseil-trimestre'],
      ['2026-09-27', 'reglement-interieur'],
      ['2026-09-30', 'conseil-trimestre'],
      ['2026-12-31', 'conseil-trimestre'],
    ])
    expect(entries[1]).toEqual({
      deadlineId: 'budget',
      title: 'Vote du budget primitif',
      description: 'Le budget est voté avant le 15 avril (30 avril l’année du renouvellement).',
      dueOn: '2026-04-30',
      windowStart: null,
      fromBudgetSession: false,
      criterionId: 'budget-vote',
      legalBasis: CGCT,
    })
  })

  it('a deadline before the budget is a window of two months ending on the planned session, or on the legal date', () => {
    const dob: Deadline = {
      id: 'dob',
      title: 'Débat d’orientation budgétaire',
      description: 'Dans les deux mois qui précèdent l’examen du budget.',
      legalBasis: [testReference('L2312-1')],
      recurrence: { type: 'beforeBudget', months: 2 },
    }
    const withDob = buildReferentiel([{ id: 'd', themes: [{ id: 't', criteria: [{ id: 'c', weight: 1 }] }] }], [dob])
    const planned = upcomingDeadlines({
      referentiel: withDob,
      context: contextFor(5000),
      mandate,
      budgetSessions: { '2027': '2027-03-25' },
      from: '2026-12-01',
      months: 12,
    })
    expect(planned.map((e) => [e.windowStart, e.dueOn, e.fromBudgetSession])).toEqual([['2027-01-25', '2027-03-25', true]])
    // Unknown session: the budget's legal deadline bounds the window — never a made-up 15 February.
    const legal = upcomingDeadlines({ referentiel: withDob, context: contextFor(5000), mandate, from: '2026-12-01', months: 12 })
    expect(legal.map((e) => [e.windowStart, e.dueOn, e.fromBudgetSession])).toEqual([['2027-02-15', '2027-04-15', false]])
    const renewal = upcomingDeadlines({ referentiel: withDob, context: contextFor(5000), mandate, from: '2026-01-01', months: 12 })
    expect(renewal.map((e) => e.dueOn)).toEqual(['2026-04-30'])
    // The budget of 2028 voted in December 2027: its debate falls in October–December 2027, within the range.
    const december = upcomingDeadlines({
      referentiel: withDob,
      context: contextFor(5000),
      mandate,
      budgetSessions: { '2027': '2027-03-25', '2028': '2027-12-14' },
      from: '2027-01-01',
      months: 12,
    })
    expect(december.map((e) => [e.windowStart, e.dueOn, e.fromBudgetSession])).toEqual([
      ['2027-01-25', '2027-03-25', true],
      ['2027-10-14', '2027-12-14', true],
    ])
  })

  it('the year after the renewal: one date in the year that follows the mandate’s start', () => {
    const abs: Deadline = {
      id: 'abs',
      title: 'Analyse des besoins sociaux',
      description: 'Au cours de l’année civile qui suit le renouvellement.',
      legalBasis: [testReference('R123-1')],
      recurrence: { type: 'yearAfterRenewal', month: 12, day: 31 },
    }
    const withAbs = buildReferentiel([{ id: 'd', themes: [{ id: 't', criteria: [{ id: 'c', weight: 1 }] }] }], [abs])
    const entries = upcomingDeadlines({ referentiel: withAbs, context: contextFor(215), mandate, from: '2026-06-01', months: 24 })
    expect(entries.map((e) => e.dueOn)).toEqual(['2027-12-31'])
  })

  it('after the renewal year the budget is due on 15 April; the window starts on `from` and ends before from + months', () => {
    const entries = upcomingDeadlines({ referentiel, context: contextFor(215), mandate, from: '2026-05-01', months: 12 })
    expect(entries.map((e) => [e.dueOn, e.deadlineId])).toEqual([
      ['2026-06-30', 'conseil-trimestre'],
      ['2026-09-30', 'conseil-trimestre'],
      ['2026-12-31', 'conseil-trimestre'],
      ['2027-03-31', 'conseil-trimestre'],
      ['2027-04-15', 'budget'],
    ])
  })

  it('the next renewal year (2032, end of the mandate) has the later budget date again', () => {
    const entries = upcomingDeadlines({ referentiel, context: contextFor(215), mandate, from: '2032-04-01', months: 1 })
    expect(entries.map((e) => e.dueOn)).toEqual(['2032-04-30'])
  })

  it('skips the installation deadline while the installation date is unknown, and a small commune it does not apply to', () => {
    const unknown = upcomingDeadlines({
      referentiel,
      context: contextFor(1200),
      mandate: { ...mandate, installedOn: null },
      from: '2026-01-01',
      months: 12,
    })
    expect(unknown.some((e) => e.deadlineId === 'reglement-interieur')).toBe(false)
    const small = upcomingDeadlines({ referentiel, context: contextFor(215), mandate, from: '2026-01-01', months: 12 })
    expect(small.some((e) => e.deadlineId === 'reglement-interieur')).toBe(false)
  })

  it('a deadline whose criterion does not apply is left out; a day past the month end falls on its last day', () => {
    const calm = upcomingDeadlines({ referentiel, context: contextFor(215), mandate, from: '2026-06-01', months: 1 })
    expect(calm.map((e) => e.deadlineId)).toEqual(['conseil-trimestre'])
    const risky = upcomingDeadlines({
      referentiel,
      context: contextFor(215, { ...EMPTY_PROFILE, risks: { ...EMPTY_PROFILE.risks, pprn: true } }),
      mandate,
      from: '2026-06-01',
      months: 1,
    })
    expect(risky.map((e) => [e.dueOn, e.deadlineId])).toEqual([
      ['2026-06-30', 'dicrim'],
      ['2026-06-30', 'conseil-trimestre'],
    ])
  })

  it('a window of several years lists each occurrence, sorted by date', () => {
    const entries = upcomingDeadlines({ referentiel, context: contextFor(215), mandate, from: '2026-12-31', months: 36 })
    expect(entries.filter((e) => e.deadlineId === 'budget').map((e) => e.dueOn)).toEqual(['2027-04-15', '2028-04-15', '2029-04-15'])
    expect(entries[0]!.dueOn).toBe('2026-12-31')
    expect(entries.map((e) => e.dueOn)).toEqual([...entries.map((e) => e.dueOn)].sort())
  })
})
