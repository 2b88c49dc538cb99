import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffManifests, manifestOf, versionManifestSchema, type VersionManifest } from '../../../shared/referentiel/versions'
import { APP_ROOT, auditRows, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { loadReferentiel } from '../referentiel/load'

const VERSIONS = join(APP_ROOT, 'resources', 'referentiel', 'versions')
const manifest = (version: string): VersionManifest =>
  versionManifestSchema.parse(JSON.parse(readFileSync(join(VERSIONS, `${version}.json`), 'utf8')))

describe('the manifests of the référentiel’s versions', () => {
  it('the current version has its manifest, equal to the content; every shipped manifest is readable', () => {
    const current = loadReferentiel(join(APP_ROOT, 'resources', 'referentiel', 'referentiel.json')).referentiel
    expect(manifest(current.version)).toEqual(manifestOf(current))
    for (const file of readdirSync(VERSIONS)) expect(manifest(file.replace(/\.json$/, '')).version).toBe(file.replace(/\.json$/, ''))
  })

  it('2026.1 → 2026.2: the new DUERP question, the reworded ones, and every population rule now on the population totale', () => {
    const diff = diffManifests(manifest('2026.1'), manifest('2026.2'))
    expect(diff.added.map((c) => c.criterionId)).toEqual(['duerp-mise-a-jour-changements'])
    expect(diff.removed).toEqual([])
    expect(diff.reworded.length).toBeGreaterThan(0)
    expect(diff.reworded.every((c) => c.before && c.before !== c.question)).toBe(true)
    const ruleChanged = diff.ruleChanged.map((c) => c.criterionId)
    // « plus de 10 000 habitants » instead of « au moins » (L2312-1); the CLSPD also with a QPV (CSI L132-4).
    expect(ruleChanged).toEqual(expect.arrayContaining(['rob-personnel', 'dob-tenu', 'clspd']))
  })

  it('tells apart added, removed, reworded and a changed threshold; equal rules in another key order are not a change', () => {
    const before: VersionManifest = {
      version: '2030.1',
      criteria: {
        a: { question: 'Première question ?', themeTitle: 'T', kind: 'obligation', weight: 3 },
        b: { question: 'Deuxième question ?', themeTitle: 'T', kind: 'obligation', weight: 3 },
        c: {
          question: 'Troisième ?',
          themeTitle: 'T',
          kind: 'obligation',
          weight: 3,
          appliesWhen: { population: { measure: 'totale', atLeast: 3500 } },
        },
        d: {
          question: 'Quatrième ?',
          themeTitle: 'T',
          kind: 'bonne_pratique',
          weight: 2,
          appliesWhen: { population: { atLeast: 1000, measure: 'totale' } },
        },
      },
    }
    const after: VersionManifest = {
      version: '2030.2',
      criteria: {
        a: { question: 'Première question, reformulée ?', themeTitle: 'T', kind: 'obligation', weight: 3 },
        c: {
          question: 'Troisième ?',
          themeTitle: 'T',
          kind: 'obligation',
          weight: 3,
          appliesWhen: { population: { measure: 'totale', moreThan: 3500 } },
        },
        d: {
          question: 'Quatrième ?',
          themeTitle: 'T',
          kind: 'bonne_pratique',
          weight: 2,
          appliesWhen: { population: { measure: 'totale', atLeast: 1000 } },
        },
        e: { question: 'Nouvelle ?', themeTitle: 'T', kind: 'obligation', weight: 1 },
      },
    }
    const diff = diffManifests(before, after)
    expect(diff.added.map((c) => c.criterionId)).toEqual(['e'])
    expect(diff.removed.map((c) => c.criterionId)).toEqual(['b'])
    expect(diff.reworded).toEqual([{ criterionId: 'a', themeTitle: 'T', question: 'Première question, reformulée ?', before: 'Première question ?' }])
    expect(diff.ruleChanged.map((c) => c.criterionId)).toEqual(['c'])
  })
})

const setUp = setUpCorePerTest('version-change', { now: () => new Date('2026-12-01T10:00:00.000Z') })

describe('an open campaign on an older référentiel', () => {
  it('says what changed and what its answers become, until an administrator moves it to the current version', async () => {
    const { core, session } = setUp()
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    expect((await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })).contentChange).toBeNull()
    await ok(core, session, 'answers.save', { campaignId: campaign.id, criterionId: 'duerp-a-jour', status: 'fait' })
    // The campaign was started before the update to 2026.2.
    core.database.sqlite.prepare("UPDATE campaigns SET referentiel_version = '2026.1' WHERE id = ?").run(campaign.id)

    const change = (await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })).contentChange!
    expect(change).toMatchObject({ from: '2026.1', to: '2026.2', detailed: true })
    expect(change.summary.length).toBeGreaterThan(0)
    expect(change.added.map((c) => c.criterionId)).toEqual(['duerp-mise-a-jour-changements'])
    const duerp = change.reworded.find((c) => c.criterionId === 'duerp-a-jour')
    if (duerp) expect(duerp.wasAnswered).toBe(true)
    expect(change.ruleChanged.map((c) => c.criterionId)).toContain('rob-personnel')

    const adopted = await ok(core, session, 'campaigns.adoptVersion', { id: campaign.id })
    expect(adopted.referentielVersion).toBe('2026.2')
    expect((await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })).contentChange).toBeNull()
    expect(auditRows(core.database.sqlite, { entity: 'campaign', entityId: campaign.id }).at(-1)).toMatchObject({
      action: 'update',
      field: 'referentielVersion',
      before: '2026.1',
      after: '2026.2',
    })
  })

  it('a closed campaign shows no notice (it stays frozen) and cannot be moved; an unknown old version gives the summary only', async () => {
    const { core, session } = setUp()
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2025' })
    core.database.sqlite.prepare("UPDATE campaigns SET referentiel_version = '2025.9' WHERE id = ?").run(campaign.id)
    const change = (await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })).contentChange!
    expect(change).toMatchObject({ from: '2025.9', detailed: false, added: [], removed: [] })
    expect(change.summary.length).toBeGreaterThan(0)

    await ok(core, session, 'campaigns.update', { id: campaign.id, name: 'Diagnostic 2025', closed: true })
    expect((await ok(core, session, 'diagnostic.get', { campaignId: campaign.id })).contentChange).toBeNull()
    const refused = await core.invoke('campaigns.adoptVersion', { id: campaign.id }, session)
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
