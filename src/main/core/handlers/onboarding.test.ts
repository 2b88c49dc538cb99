import { describe, expect, it } from 'vitest'
import { ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'

const setUp = setUpCorePerTest('onboarding', { referentielFile: FIXTURE_REFERENTIEL_FILE })

describe('onboarding.get', () => {
  it('follows the four steps of « Pour commencer » from the data, in any order, and remembers the first report', async () => {
    const { core, session } = setUp()
    expect(await ok(core, session, 'onboarding.get')).toEqual({ communeProfile: false, diagnostic: false, project: false, report: false })

    await ok(core, session, 'projects.create', { title: 'Jardin partagé' })
    expect(await ok(core, session, 'onboarding.get')).toMatchObject({ project: true, diagnostic: false })

    // A campaign alone is not a diagnostic begun: its first answer is.
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    expect((await ok(core, session, 'onboarding.get')).diagnostic).toBe(false)
    await ok(core, session, 'answers.save', { campaignId: campaign.id, criterionId: 'budget-vote-delai', status: 'fait' })
    expect((await ok(core, session, 'onboarding.get')).diagnostic).toBe(true)

    await ok(core, session, 'communeProfile.update', await ok(core, session, 'communeProfile.get'))
    expect((await ok(core, session, 'onboarding.get')).communeProfile).toBe(true)

    await ok(core, session, 'reports.generate', { request: { kind: 'dashboard' }, jobId: 'tableau-1' })
    expect(await ok(core, session, 'onboarding.get')).toEqual({ communeProfile: true, diagnostic: true, project: true, report: true })
    // Once is enough: a second report changes nothing.
    await ok(core, session, 'reports.generate', { request: { kind: 'dashboard' }, jobId: 'tableau-2' })
    expect((await ok(core, session, 'onboarding.get')).report).toBe(true)
  }, 30_000)
})
