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
