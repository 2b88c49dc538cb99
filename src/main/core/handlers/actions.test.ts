import { describe, expect, it } from 'vitest'
import { createProject, PROJECT_CORE_OPTIONS, projectAudit } from '../testing/projects'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const setUp = setUpCorePerTest('actions', PROJECT_CORE_OPTIONS)

describe('actions', () => {
  it('adds steps in order, updates them with the trail, and removing one leaves its tasks in the project', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const study = await ok(core, session, 'actions.create', { projectId: project.id, title: 'Étude', startOn: '2026-05-01', dueOn: '2026-06-30' })
    const works = await ok(core, session, 'actions.create', { projectId: project.id, title: 'Travaux' })
    expect(study).toEqual({
      id: study.id,
      projectId: project.id,
      title: 'Étude',
      description: '',
      startOn: '2026-05-01',
      dueOn: '2026-06-30',
      status: 'a_faire',
    })
    const task = await ok(core, session, 'tasks.create', { projectId: project.id, actionId: study.id, title: 'Cahier des charges' })

    const updated = await ok(core, session, 'actions.update', {
      id: study.id,
      title: 'Étude de faisabilité',
      startOn: '2026-05-01',
      dueOn: '2026-06-30',
      status: 'en_cours',
    })
    expect(updated).toMatchObject({ title: 'Étude de faisabilité', status: 'en_cours' })
    expect((await ok(core, session, 'projects.get', { id: project.id })).actions.map((a) => a.id)).toEqual([study.id, works.id])

    expect(
      (await failure(core, session, 'actions.update', { id: study.id, title: 'X', startOn: '2026-07-01', dueOn: '2026-06-01' })).message,
    ).toMatch(/échéance doit être après/)
    expect((await failure(core, session, 'actions.create', { projectId: 999, title: 'X' })).code).toBe('NOT_FOUND')

    await ok(core, session, 'actions.remove', { id: study.id })
    const detail = await ok(core, session, 'projects.get', { id: project.id })
    expect(detail.actions.map((a) => a.id)).toEqual([works.id])
    expect(detail.tasks).toEqual([expect.objectContaining({ id: task.id, actionId: null })])

    const rows = projectAudit(core.database.sqlite, { projectId: project.id }).filter((r) => r.entity !== 'project')
    expect(rows.map((r) => [r.entity, r.action, r.field, r.before, r.after])).toEqual([
      ['action', 'create', null, null, expect.objectContaining({ title: 'Étude', sortOrder: 1 })],
      ['action', 'create', null, null, expect.objectContaining({ title: 'Travaux', sortOrder: 2 })],
      ['task', 'create', null, null, expect.objectContaining({ actionId: study.id })],
      ['action', 'update', 'title', 'Étude', 'Étude de faisabilité'],
      ['action', 'update', 'status', 'a_faire', 'en_cours'],
      ['task', 'update', 'actionId', study.id, null],
      ['action', 'delete', null, expect.objectContaining({ title: 'Étude de faisabilité' }), null],
    ])
  })
})
