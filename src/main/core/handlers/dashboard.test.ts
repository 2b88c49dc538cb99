import { describe, expect, it } from 'vitest'
import { ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'
import { seedProjects } from '../testing/seed-projects'
import { trendOf } from './dashboard'
import { fundingTotals } from '../../../shared/contract'

const setUp = setUpCorePerTest('dashboard', { now: () => new Date('2026-06-15T12:00:00.000Z'), referentielFile: FIXTURE_REFERENTIEL_FILE })

describe('dashboard.get', () => {
  it('an empty commune: zero everywhere, no diagnostic', async () => {
    const { core, session } = setUp()
    const dashboard = await ok(core, session, 'dashboard.get')
    expect(dashboard).toMatchObject({
      counts: { inProgress: 0, upcoming: 0, finished: 0, total: 0 },
      inProgress: [],
      overdueTasks: [],
      overdueCount: 0,
      indicators: [],
      diagnostic: null,
    })
    expect(dashboard.budget).toEqual({ plannedCents: 0, committedCents: 0, spentCents: 0, byDomain: [] })
    expect(dashboard.fundings).toEqual({ requestedCents: 0, obtainedCents: 0 })
  })

  it('projects in progress, upcoming and finished, by priority then date, with their task counts', async () => {
    const { core, session } = setUp()
    const ids = seedProjects(core.database.sqlite)
    const dashboard = await ok(core, session, 'dashboard.get')
    expect(dashboard.counts).toEqual({ inProgress: 2, upcoming: 2, finished: 1, total: 7 })
    expect(dashboard.inProgress.map((p) => p.id)).toEqual([ids.school, ids.road])
    // « Salle des fêtes » is programmed for a date already past: late, not upcoming.
    expect(dashboard.upcoming.map((p) => p.title)).toEqual(['Cantine bio', 'City stade'])
    expect(dashboard.finished.map((p) => p.title)).toEqual(['Éclairage LED'])
    expect(dashboard.inProgress[0]).toMatchObject({
      referentName: 'Sophie Durand',
      progress: 25,
      openTasks: 3,
      overdueTasks: 2,
      budgetSpentCents: 123_450,
    })
    expect(dashboard.inProgress[1]).toMatchObject({ progress: 100, openTasks: 0, overdueTasks: 0, referentName: null })
    expect(dashboard.upcoming[0]).toMatchObject({ progress: null, openTasks: 0 })
  })

  it('overdue tasks oldest first, budgets by domain and fundings (abandoned projects left out)', async () => {
    const { core, session } = setUp()
    const ids = seedProjects(core.database.sqlite)
    const dashboard = await ok(core, session, 'dashboard.get')
    expect(dashboard.overdueCount).toBe(2)
    expect(dashboard.overdueTasks.map((t) => [t.id, t.overdue, t.assigneeName, t.projectTitle])).toEqual([
      [ids.tasks.blocked, true, 'Paul Bernard', 'Préau de l’école'],
      [ids.tasks.late, true, 'Claire Martin', 'Préau de l’école'],
    ])
    expect(dashboard.overdueTasks[1]!.checklist).toEqual([
      { label: 'Chauffagiste', done: true },
      { label: 'Couvreur', done: false },
    ])
    expect(dashboard.budget).toEqual({
      plannedCents: 2_100_000,
      committedCents: 700_000,
      spentCents: 413_450,
      byDomain: [
        {
          domainId: 'gouvernance',
          title: 'Gouvernance et fonctionnement du conseil',
          plannedCents: 800_000,
          committedCents: 300_000,
          spentCents: 290_000,
        },
        { domainId: 'services', title: 'Services à la population', plannedCents: 1_100_000, committedCents: 400_000, spentCents: 123_450 },
        { domainId: null, title: 'Sans domaine', plannedCents: 200_000, committedCents: 0, spentCents: 0 },
      ],
    })
    // Requested: DETR (granted) + DSIL (requested) + Département (paid); the Région is only considered.
    expect(dashboard.fundings).toEqual({ requestedCents: 550_000, obtainedCents: 300_000 })
    // The SQL sums follow the rule the project screen and the PDF sheet apply row by row.
    const rows = core.database.sqlite
      .prepare(
        "SELECT f.status, f.requested_cents AS requestedCents, f.obtained_cents AS obtainedCents FROM fundings f JOIN projects p ON p.id = f.project_id WHERE p.status <> 'abandonne'",
      )
      .all() as Parameters<typeof fundingTotals>[0]
    expect(fundingTotals(rows)).toEqual(dashboard.fundings)
  })

  it('indicators with their latest and previous measurements and a trend', async () => {
    const { core, session } = setUp()
    seedProjects(core.database.sqlite)
    const { indicators } = await ok(core, session, 'dashboard.get')
    expect(indicators.map((i) => [i.label, i.previous, i.latest, i.trend])).toEqual([
      ['Éclairage public', 500, 500, 'stable'],
      ['Consommation de gaz', 1000, 800, 'better'],
      ['Élèves accueillis', 42, 40, 'worse'],
      ['Satisfaction des riverains', null, null, 'unknown'],
    ])
    expect(indicators[1]).toMatchObject({ projectTitle: 'Préau de l’école', unit: 'kWh', lowerIsBetter: true, targetValue: 600 })
    expect(indicators[1]!.measurements.map((m) => m.measuredOn)).toEqual(['2025-01-31', '2026-01-31'])
    expect(trendOf(3, 2, false)).toBe('better')
    expect(trendOf(3, 2, true)).toBe('worse')
    expect(trendOf(3, null, true)).toBe('unknown')
  })

  it('the latest campaign’s live score, its obligations non remplies apart from those à renseigner, and the snapshots’ history in date order', async () => {
    const { core, session } = setUp()
    const first = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    await ok(core, session, 'snapshots.take', { campaignId: first.id, label: 'Avant le conseil' })
    await ok(core, session, 'answers.save', { campaignId: first.id, criterionId: 'budget-vote-delai', status: 'fait' })
    await ok(core, session, 'snapshots.take', { campaignId: first.id, label: 'Après le conseil' })
    const view = await ok(core, session, 'diagnostic.get', { campaignId: first.id })
    const { diagnostic } = await ok(core, session, 'dashboard.get')
    expect(diagnostic).toMatchObject({
      campaignId: first.id,
      campaignName: 'Diagnostic 2026',
      score: view.scores.overall.done,
      // Nothing answered but one « fait »: no obligation is known to be unmet, the others are still to answer.
      unmet: 0,
      toAnswer: view.scores.blocking.length,
    })
    expect(diagnostic!.history.map((h) => h.label)).toEqual(['Avant le conseil', 'Après le conseil'])
    expect(diagnostic!.history[1]!.score).toBeGreaterThan(diagnostic!.history[0]!.score)
  })
})
