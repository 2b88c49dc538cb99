import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok, testClock } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

const clock = testClock('2026-05-04T10:00:00.000Z')
const setUp = setUpCorePerTest('campaigns', { now: clock.now, referentielFile: FIXTURE_REFERENTIEL_FILE })

const at = clock.set

describe('campaigns', () => {
  it('create records the référentiel version and the author; list shows progress and score, newest first', async () => {
    at('2026-05-04T10:00:00.000Z')
    const { core, session } = setUp()
    const first = await ok(core, session, 'campaigns.create', { name: ' Diagnostic 2026 ' })
    expect(first).toEqual({
      id: first.id,
      name: 'Diagnostic 2026',
      referentielVersion: '2026.0',
      createdAt: '2026-05-04T10:00:00.000Z',
      createdBy: 'Secrétariat',
      closedAt: null,
      answeredPercent: 0,
      score: 0,
    })
    // Faux-Villecerf: 4 criteria apply (budget 5, PPI 2, séances 3, alerte 2).
    await ok(core, session, 'answers.save', { campaignId: first.id, criterionId: 'budget-vote-delai', status: 'fait' })
    at('2026-06-01T10:00:00.000Z')
    const second = await ok(core, session, 'campaigns.create', { name: 'Point d’étape' })
    const list = await ok(core, session, 'campaigns.list')
    expect(list.map((c) => [c.name, c.answeredPercent])).toEqual([
      ['Point d’étape', 0],
      ['Diagnostic 2026', 25],
    ])
    // Gouvernance (13 of 21 points): finances 7 → 5/7 fait; conseil 6 → 0. Overall: 13/21 × (7 × 5/7)/13 = 5/21 = 23.8 %.
    expect(list[1]!.score).toBe(23.8)
    expect(second.id).toBeGreaterThan(first.id)
    expect(auditRows(core.database.sqlite, { entity: 'campaign', entityId: first.id })).toEqual([
      expect.objectContaining({
        action: 'create',
        profileName: 'Secrétariat',
        after: expect.objectContaining({ name: 'Diagnostic 2026', referentielVersion: '2026.0', copiedFrom: null }),
      }),
    ])
  })

  it('create can start from the answers of an earlier campaign (they keep their author and date)', async () => {
    at('2026-05-04T10:00:00.000Z')
    const { core, session } = setUp()
    const first = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    await ok(core, session, 'answers.save', { campaignId: first.id, criterionId: 'budget-vote-delai', status: 'fait', comment: 'Voté le 28 avril.' })
    await ok(core, session, 'answers.save', {
      campaignId: first.id,
      criterionId: 'risques-alerte',
      status: 'partiel',
      split: { done: 50, programmed: 50, notDone: 0 },
    })
    await ok(core, session, 'evidence.add', {
      campaignId: first.id,
      criterionId: 'budget-vote-delai',
      fileName: 'deliberation.pdf',
      contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
    })
    at('2027-01-10T10:00:00.000Z')
    const copy = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2027', copyFrom: first.id })
    const answers = await ok(core, session, 'answers.list', { campaignId: copy.id })
    expect(answers.map((a) => [a.criterionId, a.status, a.split, a.comment, a.answeredAt, a.evidence.map((e) => e.fileName)])).toEqual([
      ['budget-vote-delai', 'fait', null, 'Voté le 28 avril.', '2026-05-04T10:00:00.000Z', ['deliberation.pdf']],
      ['risques-alerte', 'partiel', { done: 50, programmed: 50, notDone: 0 }, '', '2026-05-04T10:00:00.000Z', []],
    ])
    expect(copy.score).toBe((await ok(core, session, 'diagnostic.get', { campaignId: first.id })).campaign.score)
    expect(auditRows(core.database.sqlite, { entity: 'campaign', entityId: copy.id })[0]!.after).toMatchObject({
      copiedFrom: { id: first.id, name: 'Diagnostic 2026', answers: 2 },
    })
    // The copy is independent: changing it leaves the first one as it was.
    await ok(core, session, 'answers.save', { campaignId: copy.id, criterionId: 'budget-vote-delai', status: 'pas_fait' })
    expect((await ok(core, session, 'answers.list', { campaignId: first.id }))[0]!.status).toBe('fait')
  })

  it('create refuses an unknown campaign to copy from (NOT_FOUND) and writes nothing; it is for administrators', async () => {
    const { core, session } = setUp()
    expect((await failure(core, session, 'campaigns.create', { name: 'Copie', copyFrom: 42 })).code).toBe('NOT_FOUND')
    expect(await failure(core, session, 'campaigns.create', { name: '  ' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Le nom de la campagne est obligatoire.',
    })
    expect(await ok(core, session, 'campaigns.list')).toEqual([])
    expect(auditRows(core.database.sqlite, { entity: 'campaign' })).toEqual([])
    await signInAsElu(core, session)
    expect((await failure(core, session, 'campaigns.create', { name: 'Diagnostic' })).code).toBe('FORBIDDEN')
  })

  it('a closed campaign keeps the score and applicability it had when closed; an open one follows the commune', async () => {
    at('2026-05-04T10:00:00.000Z')
    const { core, session } = setUp()
    const closed = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    await ok(core, session, 'answers.save', { campaignId: closed.id, criterionId: 'budget-vote-delai', status: 'fait' })
    const open = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2027', copyFrom: closed.id })
    const atClose = await ok(core, session, 'campaigns.update', { id: closed.id, name: 'Diagnostic 2026', closed: true })
    const viewAtClose = await ok(core, session, 'diagnostic.get', { campaignId: closed.id })

    // 1 000 inhabitants: the règlement intérieur (from 1 000) now applies and is not answered.
    await ok(core, session, 'commune.setPopulation', { populationTotale: 1000, year: 2027 })
    const viewAfter = await ok(core, session, 'diagnostic.get', { campaignId: closed.id })
    expect(viewAfter.scores).toEqual(viewAtClose.scores)
    expect(viewAfter.campaign.score).toBe(atClose.score)
    const openView = await ok(core, session, 'diagnostic.get', { campaignId: open.id })
    expect(openView.scores.overall.applicableCriteria).toBe(viewAtClose.scores.overall.applicableCriteria + 1)

    // Reopened, it follows the current facts again; closed again, it freezes them anew.
    await ok(core, session, 'campaigns.update', { id: closed.id, name: 'Diagnostic 2026', closed: false })
    const reopened = await ok(core, session, 'diagnostic.get', { campaignId: closed.id })
    expect(reopened.scores.overall.applicableCriteria).toBe(openView.scores.overall.applicableCriteria)
  })

  it('update renames, closes and reopens; a closed campaign refuses answers with CONFLICT', async () => {
    at('2026-05-04T10:00:00.000Z')
    const { core, session } = setUp()
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic' })
    at('2026-06-30T18:00:00.000Z')
    const closed = await ok(core, session, 'campaigns.update', { id: campaign.id, name: 'Diagnostic 2026', closed: true })
    expect(closed).toMatchObject({ name: 'Diagnostic 2026', closedAt: '2026-06-30T18:00:00.000Z' })
    const error = await failure(core, session, 'answers.save', { campaignId: campaign.id, criterionId: 'budget-vote-delai', status: 'fait' })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toMatch(/^La campagne est close/)
    expect(await ok(core, session, 'answers.list', { campaignId: campaign.id })).toEqual([])
    const reopened = await ok(core, session, 'campaigns.update', { id: campaign.id, name: 'Diagnostic 2026', closed: false })
    expect(reopened.closedAt).toBeNull()
    await ok(core, session, 'answers.save', { campaignId: campaign.id, criterionId: 'budget-vote-delai', status: 'fait' })
    const trail = auditRows(core.database.sqlite, { entity: 'campaign', entityId: campaign.id }).filter((r) => r.action === 'update')
    expect(trail.map((r) => [r.field, r.after])).toEqual([
      ['name', 'Diagnostic 2026'],
      ['closedAt', '2026-06-30T18:00:00.000Z'],
      ['closedAt', null],
    ])
    expect((await failure(core, session, 'campaigns.update', { id: 999, name: 'X', closed: false })).code).toBe('NOT_FOUND')
  })
})
