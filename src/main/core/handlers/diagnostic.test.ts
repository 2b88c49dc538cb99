import { describe, expect, it } from 'vitest'
import { populationBand, POPULATION_BANDS } from '../diagnostic/peers'
import { auditRows, failure, ok, testClock, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'

const clock = testClock('2026-05-04T10:00:00.000Z')
const setUp = setUpCorePerTest('diagnostic', { now: clock.now, referentielFile: FIXTURE_REFERENTIEL_FILE })

/** Faux-Villecerf's answers, checked by hand below. */
async function answered({ core, session }: TestCore): Promise<number> {
  const { id } = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
  await ok(core, session, 'answers.save', { campaignId: id, criterionId: 'budget-vote-delai', status: 'fait' })
  await ok(core, session, 'answers.save', { campaignId: id, criterionId: 'budget-plan-pluriannuel', status: 'pas_fait' })
  await ok(core, session, 'answers.save', { campaignId: id, criterionId: 'conseil-reunion-trimestrielle', status: 'fait' })
  await ok(core, session, 'answers.save', { campaignId: id, criterionId: 'risques-alerte', status: 'programme' })
  return id
}

describe('diagnostic.get', () => {
  it('scores the campaign for this commune (by hand: 11/21 fait, 8/21 programmé, 2/21 pas fait)', async () => {
    clock.set('2026-05-04T10:00:00.000Z')
    const test = setUp()
    const campaignId = await answered(test)
    const { campaign, scores } = await ok(test.core, test.session, 'diagnostic.get', { campaignId })
    expect(campaign).toMatchObject({ id: campaignId, name: 'Diagnostic 2026', answeredPercent: 100, score: 52.4 })
    expect(scores.referentielVersion).toBe('2026.0')
    expect(scores.overall).toEqual({
      potential: 21,
      done: 52.4,
      programmed: 38.1,
      notDone: 9.5,
      notAnswered: 0,
      applicableCriteria: 4,
      answeredCriteria: 4,
    })
    const [gouvernance, services] = scores.domains
    // Gouvernance: conseil 6 points all fait, finances 7 points of which 5 fait → 11/13.
    expect(gouvernance).toMatchObject({ potential: 13, done: 84.6, notDone: 15.4, unmetObligations: 0 })
    expect(gouvernance!.themes.map((t) => [t.themeId, t.done, t.applicableCriteria])).toEqual([
      ['conseil-municipal', 100, 1],
      ['finances', 71.4, 2],
    ])
    // Services: no canteen, so « École » is removed and « Risques » carries the 8 points.
    expect(services!.themes.map((t) => [t.themeId, t.applies, t.potential])).toEqual([
      ['ecole', false, 0],
      ['risques', true, 8],
    ])
    expect(scores.blocking).toEqual([])
    expect(scores.strengths.map((s) => s.themeId)).toEqual(['conseil-municipal'])
    expect(scores.weaknesses).toEqual([
      expect.objectContaining({
        kind: 'theme',
        themeId: 'risques',
        nextStep: "Expliquez le dispositif d'alerte dans le prochain bulletin municipal.",
      }),
    ])
  })

  it('a new campaign: nothing answered, both obligations to answer (not unmet), no weakness claimed, score 0', async () => {
    const { core, session } = setUp()
    const { id } = await ok(core, session, 'campaigns.create', { name: 'Vide' })
    const { scores } = await ok(core, session, 'diagnostic.get', { campaignId: id })
    expect(scores.overall).toMatchObject({ done: 0, notAnswered: 100, answeredCriteria: 0 })
    expect(scores.blocking.map((b) => b.criterionId)).toEqual(['budget-vote-delai', 'conseil-reunion-trimestrielle'])
    expect(scores.blocking.map((b) => b.status)).toEqual(['non_renseigne', 'non_renseigne'])
    // Unanswered is not unmet: nothing is known, so no weakness is listed.
    expect(scores.weaknesses).toEqual([])
  })

  it('follows the commune profile: with a canteen, its obligation applies and blocks until answered', async () => {
    const test = setUp()
    const campaignId = await answered(test)
    await ok(test.core, test.session, 'communeProfile.update', { facilities: { canteen: true } })
    const { scores } = await ok(test.core, test.session, 'diagnostic.get', { campaignId })
    expect(scores.blocking.map((b) => b.criterionId)).toEqual(['ecole-cantine-menus'])
    expect(scores.domains[1]!.themes[0]).toMatchObject({ themeId: 'ecole', applies: true, notAnswered: 100 })
  })

  it('unknown campaign → NOT_FOUND in French', async () => {
    const { core, session } = setUp()
    expect(await failure(core, session, 'diagnostic.get', { campaignId: 7 })).toEqual({
      code: 'NOT_FOUND',
      message: "Cette campagne de diagnostic n'existe plus : la liste a peut-être été modifiée entre-temps.",
    })
    expect((await failure(core, session, 'diagnostic.get', { campaignId: 'sept' })).code).toBe('INVALID_INPUT')
  })
})

describe('snapshots and comparison', () => {
  it('take freezes the scores; later answers change the campaign, not the snapshot; compare gives deltas', async () => {
    clock.set('2026-05-04T10:00:00.000Z')
    const test = setUp()
    const { core, session } = test
    const campaignId = await answered(test)
    const snapshot = await ok(core, session, 'snapshots.take', { campaignId, label: 'Avant le conseil de mai' })
    expect(snapshot).toEqual({
      id: snapshot.id,
      campaignId,
      campaignName: 'Diagnostic 2026',
      label: 'Avant le conseil de mai',
      takenAt: '2026-05-04T10:00:00.000Z',
      takenBy: 'Secrétariat',
      score: 52.4,
    })
    expect(auditRows(core.database.sqlite, { entity: 'snapshot' })).toEqual([
      expect.objectContaining({ action: 'create', after: expect.objectContaining({ label: 'Avant le conseil de mai', score: 52.4 }) }),
    ])

    clock.set('2026-06-04T10:00:00.000Z')
    await ok(core, session, 'answers.save', { campaignId, criterionId: 'budget-plan-pluriannuel', status: 'fait' })
    expect((await ok(core, session, 'snapshots.list'))[0]!.score).toBe(52.4)

    const comparison = await ok(core, session, 'diagnostic.compare', { before: { snapshotId: snapshot.id }, after: { campaignId } })
    expect(comparison.before).toEqual({ label: 'Diagnostic 2026 — Avant le conseil de mai', at: '2026-05-04T10:00:00.000Z' })
    expect(comparison.after).toEqual({ label: 'Diagnostic 2026', at: '2026-06-04T10:00:00.000Z' })
    expect(comparison.rows.map((r) => [r.level, r.id, r.before, r.after, r.delta])).toEqual([
      ['overall', 'overall', 52.4, 61.9, 9.5],
      ['domain', 'gouvernance', 84.6, 100, 15.4],
      ['theme', 'conseil-municipal', 100, 100, 0],
      ['theme', 'finances', 71.4, 100, 28.6],
      ['domain', 'services', 0, 0, 0],
      // No canteen: the theme does not apply on either side.
      ['theme', 'ecole', null, null, null],
      ['theme', 'risques', 0, 0, 0],
    ])
  })

  it('lists snapshots newest first with their campaign; refuses unknown sources and empty labels', async () => {
    const test = setUp()
    const { core, session } = test
    const campaignId = await answered(test)
    clock.set('2026-05-01T10:00:00.000Z')
    await ok(core, session, 'snapshots.take', { campaignId, label: 'Premier' })
    clock.set('2026-05-02T10:00:00.000Z')
    await ok(core, session, 'snapshots.take', { campaignId, label: 'Second' })
    expect((await ok(core, session, 'snapshots.list')).map((s) => s.label)).toEqual(['Second', 'Premier'])
    expect(await failure(core, session, 'snapshots.take', { campaignId, label: ' ' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Le nom de l'instantané est obligatoire.",
    })
    expect((await failure(core, session, 'snapshots.take', { campaignId: 99, label: 'X' })).code).toBe('NOT_FOUND')
    expect((await failure(core, session, 'diagnostic.compare', { before: { snapshotId: 99 }, after: { campaignId } })).code).toBe('NOT_FOUND')
    expect((await failure(core, session, 'diagnostic.compare', { before: { campaignId, snapshotId: 1 }, after: { campaignId } })).code).toBe(
      'INVALID_INPUT',
    )
    expect(await ok(core, session, 'snapshots.list')).toHaveLength(2)
  })

  it('a campaign removed with its snapshots: the cascade keeps no orphan', async () => {
    const test = setUp()
    const campaignId = await answered(test)
    await ok(test.core, test.session, 'snapshots.take', { campaignId, label: 'Avant' })
    test.core.database.sqlite.prepare('DELETE FROM campaigns WHERE id = ?').run(campaignId)
    expect(await ok(test.core, test.session, 'snapshots.list')).toEqual([])
  })
})

describe('diagnostic.peers', () => {
  it('is unavailable (no figure invented) until the commune shares and the relay has sent figures for its band', async () => {
    const test = setUp()
    const { core, session } = test
    const campaignId = await answered(test)
    const nothing = {
      available: false,
      sharing: false,
      band: 'de 200 à 499 habitants',
      communes: 0,
      contributors: 0,
      minimumCommunes: null,
      receivedAt: null,
      domains: [],
    }
    expect(await ok(core, session, 'diagnostic.peers', { campaignId })).toEqual(nothing)
    const insert = core.database.sqlite.prepare(
      'INSERT INTO peer_benchmarks (band, domain_id, median, q1, q3, communes, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    insert.run('200-499', 'gouvernance', 61.5, 50, 70, 48, '2026-05-01T00:00:00.000Z')
    insert.run('200-499', 'services', 40, 30, 55.5, 45, '2026-05-01T00:00:00.000Z')
    // Rows without the commune's consent or without the relay's answer for this band are never shown.
    expect(await ok(core, session, 'diagnostic.peers', { campaignId })).toEqual(nothing)
    const setting = (received: object | null) =>
      core.database.sqlite
        .prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('anonymousComparison', ?)")
        .run(JSON.stringify({ sharing: true, changedAt: null, changedBy: null, received }))
    setting({ at: '2026-05-01T00:00:00.000Z', band: '500-999', contributors: 40, minimumCommunes: 5 })
    expect((await ok(core, session, 'diagnostic.peers', { campaignId })).available).toBe(false)
    setting({ at: '2026-05-01T00:00:00.000Z', band: '200-499', contributors: 48, minimumCommunes: 5 })
    expect(await ok(core, session, 'diagnostic.peers', { campaignId })).toEqual({
      available: true,
      sharing: true,
      band: 'de 200 à 499 habitants',
      communes: 45,
      contributors: 48,
      minimumCommunes: 5,
      receivedAt: '2026-05-01T00:00:00.000Z',
      domains: [
        { domainId: 'gouvernance', median: 61.5, q1: 50, q3: 70, communes: 48 },
        { domainId: 'services', median: 40, q1: 30, q3: 55.5, communes: 45 },
      ],
    })
    expect((await failure(core, session, 'diagnostic.peers', { campaignId: 99 })).code).toBe('NOT_FOUND')
  })

  it('bands: <200, 200–499, 500–999, 1 000–1 999, 2 000–3 499, 3 500–9 999, 10 000–19 999, 20 000+', () => {
    expect(
      [0, 199, 200, 499, 500, 999, 1000, 1999, 2000, 3499, 3500, 9999, 10000, 19999, 20000, 2_000_000].map((p) => populationBand(p)!.key),
    ).toEqual([
      '0-199',
      '0-199',
      '200-499',
      '200-499',
      '500-999',
      '500-999',
      '1000-1999',
      '1000-1999',
      '2000-3499',
      '2000-3499',
      '3500-9999',
      '3500-9999',
      '10000-19999',
      '10000-19999',
      '20000+',
      '20000+',
    ])
    expect(populationBand(null)).toBeNull()
    expect(POPULATION_BANDS.map((b) => b.label)[0]).toBe('moins de 200 habitants')
  })
})
