import { describe, expect, it } from 'vitest'
import { auditRows, failure, ok } from '../testing'
import { pulledContribution, receivePulled } from '../testing/contributions'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

const NOW = '2026-05-04T10:00:00.000Z'
const setUp = setUpCorePerTest('citizen-inputs', { now: () => new Date(NOW), referentielFile: FIXTURE_REFERENTIEL_FILE })

describe('citizenInputs', () => {
  it('add records a local request with its author; list gives the most recent first; the counts feed the scores', async () => {
    const { core, session } = setUp()
    const adminId = session.profileId!
    const { id } = await ok(core, session, 'campaigns.create', { name: 'Diagnostic' })
    await signInAsElu(core, session, 'Paul Bernard')
    const first = await ok(core, session, 'citizenInputs.add', {
      themeId: 'risques',
      summary: ' Sirène inaudible au hameau ',
      receivedOn: '2026-04-02',
    })
    expect(first).toEqual({
      id: first.id,
      themeId: 'risques',
      summary: 'Sirène inaudible au hameau',
      receivedOn: '2026-04-02',
      source: 'local',
      createdBy: 'Paul Bernard',
    })
    const second = await ok(core, session, 'citizenInputs.add', {
      themeId: 'risques',
      summary: 'Où se réfugier en cas de crue ?',
      receivedOn: '2026-05-04',
    })
    await ok(core, session, 'citizenInputs.add', { themeId: 'finances', summary: 'Publier le budget', receivedOn: '2026-03-15' })
    expect((await ok(core, session, 'citizenInputs.list')).map((c) => c.receivedOn)).toEqual(['2026-05-04', '2026-04-02', '2026-03-15'])

    const { scores } = await ok(core, session, 'diagnostic.get', { campaignId: id })
    const themes = Object.fromEntries(scores.domains.flatMap((d) => d.themes).map((t) => [t.themeId, t.citizenInputs]))
    expect(themes).toEqual({ 'conseil-municipal': 0, finances: 1, ecole: 0, risques: 2 })

    await ok(core, session, 'session.open', { profileId: adminId })
    await ok(core, session, 'citizenInputs.remove', { id: second.id })
    expect((await ok(core, session, 'citizenInputs.list')).map((c) => c.id)).not.toContain(second.id)
    expect(auditRows(core.database.sqlite, { entity: 'citizenInput' }).map((r) => [r.action, r.profileName])).toEqual([
      ['create', 'Paul Bernard'],
      ['create', 'Paul Bernard'],
      ['create', 'Paul Bernard'],
      ['delete', 'Secrétariat'],
    ])
  })

  it('refuses an unknown theme, a bad or future date and an empty summary, in French, writing nothing', async () => {
    const { core, session } = setUp()
    expect(await failure(core, session, 'citizenInputs.add', { themeId: 'piscine', summary: 'Ouvrir la piscine', receivedOn: '2026-04-02' })).toEqual(
      {
        code: 'NOT_FOUND',
        message: "Ce thème n'existe pas dans le référentiel de Cap Commune.",
      },
    )
    expect(await failure(core, session, 'citizenInputs.add', { themeId: 'risques', summary: 'Sirène', receivedOn: '02/04/2026' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'La date doit être au format AAAA-MM-JJ.',
    })
    expect(await failure(core, session, 'citizenInputs.add', { themeId: 'risques', summary: 'Sirène', receivedOn: '2026-02-30' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Cette date n'existe pas : vérifiez le jour et le mois.",
    })
    expect(await failure(core, session, 'citizenInputs.add', { themeId: 'risques', summary: 'Sirène', receivedOn: '2026-05-05' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'La date de réception ne peut pas être dans le futur.',
    })
    expect(await failure(core, session, 'citizenInputs.add', { themeId: 'risques', summary: '', receivedOn: '2026-05-01' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Le résumé de la demande est obligatoire.',
    })
    expect((await failure(core, session, 'citizenInputs.remove', { id: 5 })).code).toBe('NOT_FOUND')
    expect(await ok(core, session, 'citizenInputs.list')).toEqual([])
    expect(auditRows(core.database.sqlite, { entity: 'citizenInput' })).toEqual([])
  })

  it('counts, per theme, the portal contributions linked to it (not hidden ones, not duplicates) beside the local requests', async () => {
    const { core, session } = setUp()
    const { id } = await ok(core, session, 'campaigns.create', { name: 'Diagnostic' })
    const items = [
      pulledContribution(1, { moderation: 'publiee' }),
      pulledContribution(2),
      pulledContribution(3, { moderation: 'masquee' }),
      pulledContribution(4, { moderation: 'publiee', kind: 'proposition', status: 'non_retenue' }),
      pulledContribution(5, { moderation: 'publiee' }),
      pulledContribution(6),
    ]
    receivePulled(core.database.db, items, { at: NOW })
    expect(await ok(core, session, 'citizenInputs.contributionCounts')).toEqual([])
    for (const contribution of [1, 2, 3, 5]) await ok(core, session, 'citizens.link', { id: contribution, themeId: 'risques' })
    await ok(core, session, 'citizens.link', { id: 4, themeId: 'finances' })
    await ok(core, session, 'citizens.link', { id: 5, duplicateOfId: 1 })
    await ok(core, session, 'citizenInputs.add', { themeId: 'risques', summary: 'Sirène inaudible au hameau', receivedOn: '2026-04-02' })

    // 1 (published) and 2 (awaiting publication) count; 3 is hidden, 5 repeats 1, 6 is linked to no theme.
    expect(await ok(core, session, 'citizenInputs.contributionCounts')).toEqual([
      { themeId: 'finances', count: 1 },
      { themeId: 'risques', count: 2 },
    ])
    const { scores } = await ok(core, session, 'diagnostic.get', { campaignId: id })
    const themes = Object.fromEntries(scores.domains.flatMap((d) => d.themes).map((t) => [t.themeId, t.citizenInputs]))
    expect(themes).toEqual({ 'conseil-municipal': 0, finances: 1, ecole: 0, risques: 3 })

    // Unlinking takes it off the count at once.
    await ok(core, session, 'citizens.link', { id: 2, themeId: null })
    expect(await ok(core, session, 'citizenInputs.contributionCounts')).toEqual([
      { themeId: 'finances', count: 1 },
      { themeId: 'risques', count: 1 },
    ])
  })
})
