import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

let clock = new Date('2026-05-04T10:00:00.000Z')
const setUp = setUpCorePerTest('campaigns', { now: () => clock, referentielFile: FIXTURE_REFERENTIEL_FILE })

function at(iso: string): void {
  clock = new Date(iso)
}

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

describe('answers', () => {
  it('save records the status, the comment and the signed-in profile as author; saving again updates it', async () => {
    at('2026-05-04T10:00:00.000Z')
    const { core, session } = setUp()
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic' })
    const paulId = await signInAsElu(core, session, 'Paul Bernard')
    const first = await ok(core, session, 'answers.save', {
      campaignId: campaign.id,
      criterionId: 'budget-plan-pluriannuel',
      status: 'programme',
      comment: ' Prévu à l’automne ',
    })
    expect(first).toEqual({
      campaignId: campaign.id,
      criterionId: 'budget-plan-pluriannuel',
      status: 'programme',
      split: null,
      comment: 'Prévu à l’automne',
      answeredBy: 'Paul Bernard',
      answeredAt: '2026-05-04T10:00:00.000Z',
      evidence: [],
    })
    at('2026-05-05T10:00:00.000Z')
    const second = await ok(core, session, 'answers.save', {
      campaignId: campaign.id,
      criterionId: 'budget-plan-pluriannuel',
      status: 'partiel',
      split: { done: 40, programmed: 40, notDone: 20 },
    })
    expect(second).toMatchObject({
      status: 'partiel',
      split: { done: 40, programmed: 40, notDone: 20 },
      comment: '',
      answeredAt: '2026-05-05T10:00:00.000Z',
    })
    expect(await ok(core, session, 'answers.list', { campaignId: campaign.id })).toEqual([second])
    const trail = auditRows(core.database.sqlite, { entity: 'answer' })
    expect(trail.map((r) => [r.action, r.field, r.profileId])).toEqual([
      ['create', null, paulId],
      ['update', 'status', paulId],
      ['update', 'split', paulId],
      ['update', 'comment', paulId],
    ])
  })

  it('a split is kept only for « partiel »', async () => {
    const { core, session } = setUp()
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic' })
    const saved = await ok(core, session, 'answers.save', {
      campaignId: campaign.id,
      criterionId: 'risques-alerte',
      status: 'fait',
      split: { done: 10, programmed: 0, notDone: 90 },
    })
    expect(saved.split).toBeNull()
  })

  it('refuses an unknown criterion (NOT_FOUND), an unknown campaign (NOT_FOUND) and bad input (French), writing nothing', async () => {
    const { core, session } = setUp()
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic' })
    expect(await failure(core, session, 'answers.save', { campaignId: campaign.id, criterionId: 'piscine-ouverte', status: 'fait' })).toEqual({
      code: 'NOT_FOUND',
      message: "Ce critère n'existe pas dans le référentiel de Cap Commune : rechargez la page du diagnostic.",
    })
    expect((await failure(core, session, 'answers.save', { campaignId: 999, criterionId: 'risques-alerte', status: 'fait' })).code).toBe('NOT_FOUND')
    const partial = await failure(core, session, 'answers.save', { campaignId: campaign.id, criterionId: 'risques-alerte', status: 'partiel' })
    expect(partial).toMatchObject({ code: 'INVALID_INPUT', message: 'Pour une réponse partielle, indiquez les parts fait, programmé et pas fait.' })
    const total = await failure(core, session, 'answers.save', {
      campaignId: campaign.id,
      criterionId: 'risques-alerte',
      status: 'partiel',
      split: { done: 50, programmed: 20, notDone: 20 },
    })
    expect(total.message).toBe('Les parts fait, programmé et pas fait doivent totaliser 100 %.')
    expect(
      (await failure(core, session, 'answers.save', { campaignId: campaign.id, criterionId: 'risques-alerte', status: 'peut-être' })).message,
    ).toBe("Cette réponse n'existe pas.")
    expect(await ok(core, session, 'answers.list', { campaignId: campaign.id })).toEqual([])
    expect(auditRows(core.database.sqlite, { entity: 'answer' })).toEqual([])
    expect((await failure(core, session, 'answers.list', { campaignId: 999 })).code).toBe('NOT_FOUND')
  })
})
