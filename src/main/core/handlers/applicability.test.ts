import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok, testClock } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

const clock = testClock('2026-05-04T10:00:00.000Z')
const setUp = setUpCorePerTest('applicability', { now: clock.now, referentielFile: FIXTURE_REFERENTIEL_FILE })

const REGLEMENT = 'conseil-reglement-interieur'
const BUDGET = 'budget-vote-delai'

function criterionView(view: Awaited<ReturnType<typeof ok<'referentiel.get'>>>, id: string) {
  return view.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria)).find((c) => c.id === id)!
}

describe('applicability decisions', () => {
  it('an obligation the rule leaves out, declared applicable, counts in the score and becomes a blocking point; undo returns to the rule', async () => {
    clock.set('2026-05-04T10:00:00.000Z')
    const { core, session } = setUp()
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    const before = await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })
    expect(before.applicability[REGLEMENT]).toMatchObject({ applies: false })
    expect(before.applicability[REGLEMENT]!.reason).toContain('population totale')

    const entry = await ok(core, session, 'applicability.decide', { criterionId: REGLEMENT, applies: true, reason: ' Délibération du 3 mars 2026 ' })
    expect(entry).toMatchObject({
      criterionId: REGLEMENT,
      applies: true,
      reason: 'Délibération du 3 mars 2026',
      decidedBy: 'Secrétariat',
      ruleApplies: false,
    })
    expect(entry.decidedAt).toBe('2026-05-04T10:00:00.000Z')
    expect(entry.ruleReason).toBe(
      'Ne concerne que les communes de 1\u202f000 habitants ou plus en population totale (la vôtre en compte 215 en population municipale, en attendant sa population totale).',
    )

    const after = await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })
    expect(after.scores.overall.applicableCriteria).toBe(before.scores.overall.applicableCriteria + 1)
    expect(after.scores.blocking.map((b) => b.criterionId)).toContain(REGLEMENT)
    expect(after.applicability[REGLEMENT]).toMatchObject({ applies: true, reason: '', decision: { applies: true, ruleApplies: false } })
    const view = criterionView(await ok(core, session, 'referentiel.get', {}), REGLEMENT)
    expect(view.applicability.decision).toMatchObject({ reason: 'Délibération du 3 mars 2026', decidedBy: 'Secrétariat' })
    expect(await ok(core, session, 'applicability.list', {})).toEqual([entry])

    await ok(core, session, 'applicability.undo', { criterionId: REGLEMENT })
    const undone = await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })
    expect(undone.scores).toEqual(before.scores)
    expect(undone.applicability[REGLEMENT]).toEqual(before.applicability[REGLEMENT])
    expect(await ok(core, session, 'applicability.list', {})).toEqual([])
    expect(auditRows(core.database.sqlite, { entity: 'applicabilityDecision' }).map((r) => r.action)).toEqual(['create', 'delete'])
  })

  it('an obligation declared not applicable leaves the blocking points, with the commune’s reason in place of the rule’s', async () => {
    const { core, session } = setUp()
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    expect((await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })).scores.blocking.map((b) => b.criterionId)).toContain(BUDGET)
    await ok(core, session, 'applicability.decide', { criterionId: BUDGET, applies: false, reason: 'Budget voté par le syndicat' })
    const view = await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })
    expect(view.scores.blocking.map((b) => b.criterionId)).not.toContain(BUDGET)
    expect(view.applicability[BUDGET]).toMatchObject({
      applies: false,
      reason: 'La commune a décidé que cette obligation ne la concerne pas : Budget voté par le syndicat',
      decision: { ruleApplies: true, ruleReason: '' },
    })
    // A second decision on the same obligation replaces the first, in the journal as a change.
    await ok(core, session, 'applicability.decide', { criterionId: BUDGET, applies: false, reason: 'Compétence du syndicat (arrêté du 2 mai)' })
    const rows = auditRows(core.database.sqlite, { entity: 'applicabilityDecision' })
    expect(rows.map((r) => [r.action, r.field])).toEqual([
      ['create', null],
      ['update', 'reason'],
    ])
  })

  it('a closed campaign keeps the applicability and scores it had; an open one follows the decision', async () => {
    const { core, session } = setUp()
    const closed = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    await ok(core, session, 'applicability.decide', { criterionId: BUDGET, applies: false, reason: 'Budget voté par le syndicat' })
    await ok(core, session, 'campaigns.update', { id: closed.id, name: 'Diagnostic 2026', closed: true })
    const atClose = await ok(core, session, 'diagnostic.get', { campaignId: closed.id })
    expect(atClose.applicability[BUDGET]!.decision).toMatchObject({ applies: false, reason: 'Budget voté par le syndicat' })

    // The commune changes its mind, and declares another obligation applicable.
    await ok(core, session, 'applicability.undo', { criterionId: BUDGET })
    await ok(core, session, 'applicability.decide', { criterionId: REGLEMENT, applies: true, reason: 'Choix du conseil' })
    const later = await ok(core, session, 'diagnostic.get', { campaignId: closed.id })
    expect(later.scores).toEqual(atClose.scores)
    expect(later.applicability).toEqual(atClose.applicability)

    const open = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2027' })
    const openView = await ok(core, session, 'diagnostic.get', { campaignId: open.id })
    expect(openView.applicability[BUDGET]).toEqual({ applies: true, reason: '' })
    expect(openView.applicability[REGLEMENT]).toMatchObject({ applies: true, decision: { reason: 'Choix du conseil' } })
  })

  it('refuses, in French and writing nothing: no reason, an unknown criterion, a good practice, a decision that changes nothing, a non-administrator', async () => {
    const { core, session } = setUp()
    expect(await failure(core, session, 'applicability.decide', { criterionId: REGLEMENT, applies: true, reason: '   ' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'La raison de la décision est obligatoire.',
    })
    expect(await failure(core, session, 'applicability.decide', { criterionId: 'inconnu', applies: true, reason: 'x' })).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await failure(core, session, 'applicability.decide', { criterionId: '<script>'.repeat(40), applies: true, reason: 'x' })).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(
      await failure(core, session, 'applicability.decide', { criterionId: 'budget-plan-pluriannuel', applies: false, reason: 'x' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('« Non concerné »'),
    })
    expect(await failure(core, session, 'applicability.decide', { criterionId: BUDGET, applies: true, reason: 'Sûr' })).toMatchObject({
      code: 'CONFLICT',
      message: 'Cette obligation s’applique déjà à la commune d’après sa règle : il n’y a rien à décider.',
    })
    expect(await failure(core, session, 'applicability.undo', { criterionId: BUDGET })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Aucune décision n’est enregistrée pour cette obligation : elle suit déjà sa règle.',
    })
    expect(await ok(core, session, 'applicability.list', {})).toEqual([])
    expect(auditRows(core.database.sqlite, { entity: 'applicabilityDecision' })).toEqual([])
    await signInAsElu(core, session)
    expect((await failure(core, session, 'applicability.decide', { criterionId: REGLEMENT, applies: true, reason: 'x' })).code).toBe('FORBIDDEN')
    expect((await failure(core, session, 'applicability.undo', { criterionId: REGLEMENT })).code).toBe('FORBIDDEN')
  })
})
