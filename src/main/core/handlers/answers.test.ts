import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok, testClock } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

const clock = testClock('2026-05-04T10:00:00.000Z')
const setUp = setUpCorePerTest('answers', { now: clock.now, referentielFile: FIXTURE_REFERENTIEL_FILE })

const at = clock.set

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
