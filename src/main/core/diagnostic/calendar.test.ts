import { describe, expect, it } from 'vitest'
import { EMPTY_PROFILE } from '../../../shared/referentiel/profile'
import type { Deadline } from '../../../shared/referentiel/schema'
import { buildReferentiel, contextFor } from '../testing/referentiel'
import { addMonths, upcomingDeadlines } from './calendar'

const CGCT = [{ code: 'CGCT', article: 'L1612-2' }]

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
    legalBasis: [{ code: 'CGCT', article: 'L2121-7' }],
    recurrence: { type: 'quarterly' },
  },
  {
    id: 'reglement-interieur',
    title: 'Règlement intérieur du conseil',
    description: 'Adopté dans les six mois qui suivent l’installation.',
    legalBasis: [{ code: 'CGCT', article: 'L2121-8' }],
    appliesWhen: { population: { atLeast: 1000 } },
    recurrence: { type: 'afterInstallation', months: 6 },
  },
  {
    id: 'dicrim',
    title: 'Mise à jour du DICRIM',
    description: 'Le document d’information est tenu à jour.',
    criterionId: 'dicrim-a-jour',
    legalBasis: [{ code: 'Code de la sécurité intérieure', article: 'R731-1' }],
    recurrence: { type: 'yearly', month: 6, day: 31 },
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

describe('addMonths', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-03-27', 6)).toBe('2026-09-27')
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29')
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15')
  })
})

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
      criterionId: 'budget-vote',
      legalBasis: CGCT,
    })
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
