import { describe, expect, it } from 'vitest'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'

// Noon UTC: the same calendar day in every time zone the tests may run in.
const setUp = setUpCorePerTest('calendar', { now: () => new Date('2026-03-15T12:00:00.000Z'), referentielFile: FIXTURE_REFERENTIEL_FILE })

describe('calendar.upcoming', () => {
  it('starts today when no date is given: renewal year, budget by 30 April; no installation deadline while the date is unknown', async () => {
    const { core, session } = setUp()
    const entries = await ok(core, session, 'calendar.upcoming', { months: 6 })
    expect(entries.map((e) => [e.dueOn, e.deadlineId, e.criterionId])).toEqual([
      ['2026-03-31', 'conseil-trimestre', 'conseil-reunion-trimestrielle'],
      ['2026-04-30', 'budget-primitif', 'budget-vote-delai'],
      ['2026-06-30', 'conseil-trimestre', 'conseil-reunion-trimestrielle'],
    ])
    expect(entries[1]!.legalBasis).toMatchObject([{ code: 'CGCT', article: 'L1612-2' }])
    expect(entries[1]!.legalBasis[0]!.url).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//)
  })

  it('once the installation date is known, « 3 months after installation » appears; the next year the budget is due on 15 April', async () => {
    const { core, session } = setUp()
    await ok(core, session, 'mandate.update', { startYear: 2026, endYear: 2032, installedOn: '2026-03-27' })
    const entries = await ok(core, session, 'calendar.upcoming', { from: '2026-05-01', months: 12 })
    expect(entries.map((e) => [e.dueOn, e.deadlineId])).toEqual([
      ['2026-06-27', 'formation-elus'],
      ['2026-06-30', 'conseil-trimestre'],
      ['2026-09-30', 'conseil-trimestre'],
      ['2026-12-31', 'conseil-trimestre'],
      // The three adjoints of Faux-Villecerf are not trained yet (Formation des élus).
      ['2027-03-26', 'formation-premiere-annee'],
      ['2027-03-31', 'conseil-trimestre'],
      ['2027-04-15', 'budget-primitif'],
    ])
  })

  it('refuses a badly written date or period, in French', async () => {
    const { core, session } = setUp()
    expect(await failure(core, session, 'calendar.upcoming', { from: '15/03/2026' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'La date doit être au format AAAA-MM-JJ.',
    })
    expect(await failure(core, session, 'calendar.upcoming', { from: '2026-02-30' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Cette date n'existe pas : vérifiez le jour et le mois.",
    })
    expect((await failure(core, session, 'calendar.upcoming', { months: 0 })).code).toBe('INVALID_INPUT')
  })
})

// The real référentiel: the débat d'orientation budgétaire concerns communes of 3 500 inhabitants or more.
const setUpReal = setUpCorePerTest('calendar-budget', { now: () => new Date('2026-11-15T12:00:00.000Z') })

describe('the débat d’orientation budgétaire and the planned budget session', () => {
  it('without a planned date, the window ends on the legal deadline and says so; with one, it ends on the session', async () => {
    const { core, session } = setUpReal()
    await ok(core, session, 'commune.setPopulation', { populationTotale: 4200, year: 2026 })
    const dob = async () =>
      (await ok(core, session, 'calendar.upcoming', { months: 12 })).filter((e) => e.deadlineId === 'debat-orientation-budgetaire')
    expect((await dob()).map((e) => [e.windowStart, e.dueOn, e.fromBudgetSession])).toEqual([['2027-02-15', '2027-04-15', false]])

    expect(await ok(core, session, 'calendar.setBudgetSession', { year: 2027, plannedOn: '2027-03-25' })).toEqual([
      { year: 2027, plannedOn: '2027-03-25', legalDeadline: '2027-04-15' },
    ])
    expect((await dob()).map((e) => [e.windowStart, e.dueOn, e.fromBudgetSession])).toEqual([['2027-01-25', '2027-03-25', true]])
    const ics = await ok(core, session, 'planning.ics', {})
    const icsText = Buffer.from(ics.contentBase64, 'base64')
      .toString('utf8')
      .replace(/\r\n[ \t]/g, '')
    expect(icsText).toContain('Fenêtre : du 25 janvier 2027 au 25 mars 2027 (séance budgétaire prévue)')

    // Removed: back to the legal deadline; each change is in the journal, in words.
    await ok(core, session, 'calendar.setBudgetSession', { year: 2027, plannedOn: null })
    expect(await ok(core, session, 'calendar.budgetSessions', {})).toEqual([])
    expect((await dob())[0]!.fromBudgetSession).toBe(false)
    const { items } = await ok(core, session, 'audit.list', { pageSize: 20 })
    expect(items.filter((e) => e.entity === 'budgetSession').map((e) => [e.display.action, e.display.entity])).toEqual([
      ['Suppression', 'Séance budgétaire prévue'],
      ['Création', 'Séance budgétaire prévue'],
    ])
  })

  it('a budget voted in December counts for the next year; a date out of any budget’s reach is refused in French', async () => {
    const { core, session } = setUpReal()
    await ok(core, session, 'commune.setPopulation', { populationTotale: 4200, year: 2026 })
    await ok(core, session, 'calendar.setBudgetSession', { year: 2027, plannedOn: '2026-12-15' })
    const dob = (await ok(core, session, 'calendar.upcoming', { months: 12 })).filter((e) => e.deadlineId === 'debat-orientation-budgetaire')
    expect(dob.map((e) => [e.windowStart, e.dueOn, e.fromBudgetSession])).toEqual([['2026-10-15', '2026-12-15', true]])
    expect(await failure(core, session, 'calendar.setBudgetSession', { year: 2027, plannedOn: '2026-03-25' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'La séance qui vote le budget 2027 a lieu entre le 1er octobre 2026 et le 31 décembre 2027 : vérifiez l’année.',
    })
    expect((await failure(core, session, 'calendar.setBudgetSession', { year: 2027, plannedOn: '25/03/2027' })).code).toBe('INVALID_INPUT')
  })
})
