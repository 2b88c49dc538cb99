import { describe, expect, it } from 'vitest'
import { count, createProject, PROJECT_CORE_OPTIONS, projectAudit } from '../testing/projects'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const setUp = setUpCorePerTest('fundings', PROJECT_CORE_OPTIONS)

describe('fundings', () => {
  it('keeps amounts as integer cents: 0,10 € + 0,20 € is exactly 0,30 €', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const a = await ok(core, session, 'fundings.create', {
      projectId: project.id,
      funder: 'detr',
      requestedCents: 10,
      obtainedCents: 10,
      status: 'accordee',
    })
    const b = await ok(core, session, 'fundings.create', {
      projectId: project.id,
      funder: 'region',
      label: 'Appel à projets',
      requestedCents: 20,
      requestedOn: '2026-02-01',
    })
    const { fundings } = await ok(core, session, 'projects.get', { id: project.id })
    expect(fundings).toEqual([a, b])
    expect(fundings.reduce((sum, f) => sum + f.requestedCents, 0)).toBe(30)
    const { total } = core.database.sqlite.prepare('SELECT sum(requested_cents) AS total FROM fundings').get() as { total: number }
    expect(total).toBe(30)
    // A float (0.1 €, or 10.5 cents) never reaches the database.
    for (const requestedCents of [0.1, 10.5, -5, '10']) {
      const error = await failure(core, session, 'fundings.create', { projectId: project.id, funder: 'detr', requestedCents })
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toMatch(/montant/)
    }
    expect(count(core.database.sqlite, 'fundings')).toBe(2)
  })

  it('updates with one audit row per changed field, and removes, with the project id', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const f = await ok(core, session, 'fundings.create', { projectId: project.id, funder: 'dsil', requestedCents: 1_000_000_00 })
    const updated = await ok(core, session, 'fundings.update', {
      id: f.id,
      funder: 'dsil',
      requestedCents: 1_000_000_00,
      obtainedCents: 750_000_00,
      status: 'accordee',
      decidedOn: '2026-04-15',
    })
    expect(updated).toMatchObject({ obtainedCents: 75_000_000, status: 'accordee' })
    const rows = projectAudit(core.database.sqlite, { entity: 'funding' })
    expect(rows.filter((r) => r.action === 'update').map((r) => [r.field, r.before, r.after, r.projectId])).toEqual([
      ['obtainedCents', null, 75_000_000, project.id],
      ['status', 'envisagee', 'accordee', project.id],
      ['decidedOn', null, '2026-04-15', project.id],
    ])
    const bad = await failure(core, session, 'fundings.update', {
      id: f.id,
      funder: 'dsil',
      requestedCents: 1,
      requestedOn: '2026-05-01',
      decidedOn: '2026-04-01',
    })
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/décision doit être après/) })
    expect((await failure(core, session, 'fundings.create', { projectId: project.id, funder: 'banque', requestedCents: 1 })).message).toMatch(
      /financeur n'existe pas/,
    )
    await ok(core, session, 'fundings.remove', { id: f.id })
    expect((await failure(core, session, 'fundings.remove', { id: f.id })).code).toBe('NOT_FOUND')
    expect(projectAudit(core.database.sqlite, { entity: 'funding' }).at(-1)).toMatchObject({
      action: 'delete',
      projectId: project.id,
      before: expect.objectContaining({ obtainedCents: 75_000_000 }),
    })
  })
})
