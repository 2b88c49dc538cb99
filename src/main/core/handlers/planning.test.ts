import { describe, expect, it } from 'vitest'
import { createProject, memberId, PROJECT_CORE_OPTIONS } from '../testing/projects'
import { ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const setUp = setUpCorePerTest('planning', PROJECT_CORE_OPTIONS)

describe('planning.get', () => {
  it("gives the mandate's years, every project with its actions, and the tasks that have a due date", async () => {
    const test = setUp()
    const { core, session } = test
    const paul = await memberId(test, 'Bernard')
    const undated = await createProject(test, { title: 'Sans date' })
    const school = await createProject(test, { title: 'École', startOn: '2027-01-01', endOn: '2028-06-30', status: 'programme' })
    const road = await createProject(test, { title: 'Voirie', startOn: '2026-06-01' })
    const step = await ok(core, session, 'actions.create', { projectId: school.id, title: 'Consultation', dueOn: '2027-03-01' })
    const dated = await ok(core, session, 'tasks.create', {
      projectId: road.id,
      title: 'Marquage',
      dueOn: '2026-07-01',
      assigneeMemberId: paul,
      status: 'faite',
    })
    await ok(core, session, 'tasks.create', { projectId: road.id, title: 'Sans échéance' })

    const planning = await ok(core, session, 'planning.get', {})
    expect(planning.mandate).toEqual({ startYear: 2026, endYear: 2032 })
    expect(planning.projects).toEqual([
      { id: road.id, title: 'Voirie', status: 'idee', startOn: '2026-06-01', endOn: null, actions: [] },
      {
        id: school.id,
        title: 'École',
        status: 'programme',
        startOn: '2027-01-01',
        endOn: '2028-06-30',
        actions: [{ id: step.id, title: 'Consultation', startOn: null, dueOn: '2027-03-01', status: 'a_faire' }],
      },
      { id: undated.id, title: 'Sans date', status: 'idee', startOn: null, endOn: null, actions: [] },
    ])
    expect(planning.tasks).toEqual([
      { id: dated.id, projectId: road.id, title: 'Marquage', dueOn: '2026-07-01', status: 'faite', assigneeName: 'Paul Bernard' },
    ])
  })
})
