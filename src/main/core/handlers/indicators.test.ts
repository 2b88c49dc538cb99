import { describe, expect, it } from 'vitest'
import { count, createProject, PROJECT_CORE_OPTIONS, projectAudit } from '../testing/projects'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const setUp = setUpCorePerTest('indicators', PROJECT_CORE_OPTIONS)

describe('indicators and measurements', () => {
  it('returns measurements sorted by date, audits everything with the project id, cascades on removal', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const indicator = await ok(core, session, 'indicators.create', {
      projectId: project.id,
      label: 'Consommation de fioul',
      unit: 'L',
      targetValue: 1200.5,
      lowerIsBetter: true,
    })
    expect(indicator).toEqual({
      id: indicator.id,
      projectId: project.id,
      label: 'Consommation de fioul',
      unit: 'L',
      targetValue: 1200.5,
      lowerIsBetter: true,
      measurements: [],
    })
    const march = await ok(core, session, 'measurements.add', { indicatorId: indicator.id, measuredOn: '2026-03-01', value: 1500 })
    await ok(core, session, 'measurements.add', { indicatorId: indicator.id, measuredOn: '2026-01-01', value: 1800.25 })
    await ok(core, session, 'measurements.add', { indicatorId: indicator.id, measuredOn: '2026-02-01', value: 1650 })
    const { indicators } = await ok(core, session, 'projects.get', { id: project.id })
    expect(indicators[0]!.measurements.map((m) => [m.measuredOn, m.value])).toEqual([
      ['2026-01-01', 1800.25],
      ['2026-02-01', 1650],
      ['2026-03-01', 1500],
    ])
    const updated = await ok(core, session, 'indicators.update', {
      id: indicator.id,
      label: 'Fioul',
      unit: 'L',
      targetValue: null,
      lowerIsBetter: true,
    })
    expect(updated).toMatchObject({ label: 'Fioul', targetValue: null })
    expect(updated.measurements).toHaveLength(3)

    expect((await failure(core, session, 'measurements.add', { indicatorId: indicator.id, measuredOn: '2026-02-29', value: 1 })).code).toBe(
      'INVALID_INPUT',
    )
    expect(
      (await failure(core, session, 'measurements.add', { indicatorId: indicator.id, measuredOn: '2026-02-01', value: 'beaucoup' })).message,
    ).toMatch(/mesure doit être un nombre/)
    expect((await failure(core, session, 'measurements.add', { indicatorId: 999, measuredOn: '2026-02-01', value: 1 })).code).toBe('NOT_FOUND')

    await ok(core, session, 'measurements.remove', { id: march.id })
    expect((await ok(core, session, 'projects.get', { id: project.id })).indicators[0]!.measurements).toHaveLength(2)
    await ok(core, session, 'indicators.remove', { id: indicator.id })
    expect(count(core.database.sqlite, 'measurements')).toBe(0)

    const rows = projectAudit(core.database.sqlite, { projectId: project.id }).filter((r) => r.entity !== 'project')
    expect(rows.map((r) => [r.entity, r.action, r.field])).toEqual([
      ['indicator', 'create', null],
      ['measurement', 'create', null],
      ['measurement', 'create', null],
      ['measurement', 'create', null],
      ['indicator', 'update', 'label'],
      ['indicator', 'update', 'targetValue'],
      ['measurement', 'delete', null],
      ['indicator', 'delete', null],
    ])
    expect(rows.at(-1)!.before).toMatchObject({ label: 'Fioul', measurements: [{ measuredOn: '2026-01-01' }, { measuredOn: '2026-02-01' }] })
  })
})
