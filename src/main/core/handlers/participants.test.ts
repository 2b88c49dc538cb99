import { describe, expect, it } from 'vitest'
import { count, createProject, memberId, PROJECT_CORE_OPTIONS, projectAudit } from '../testing/projects'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const setUp = setUpCorePerTest('participants', PROJECT_CORE_OPTIONS)

describe('participants', () => {
  it('adds team members (current name shown) and outside people, refuses duplicates and unknown members', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const sophie = await memberId(test, 'Durand')
    const member = await ok(core, session, 'participants.add', { projectId: project.id, memberId: sophie, role: 'Pilote' })
    expect(member).toEqual({ id: member.id, memberId: sophie, name: 'Sophie Durand', role: 'Pilote' })
    const outside = await ok(core, session, 'participants.add', { projectId: project.id, name: ' Association des parents ', role: '' })
    expect(outside).toMatchObject({ memberId: null, name: 'Association des parents' })

    expect(await failure(core, session, 'participants.add', { projectId: project.id, memberId: sophie })).toMatchObject({
      code: 'CONFLICT',
      message: 'Sophie Durand participe déjà à ce projet.',
    })
    expect((await failure(core, session, 'participants.add', { projectId: project.id, memberId: 999 })).code).toBe('NOT_FOUND')
    expect((await failure(core, session, 'participants.add', { projectId: project.id })).message).toMatch(/indiquez le nom du participant/)
    expect(count(core.database.sqlite, 'project_participants')).toBe(2)

    // The member's name follows the team; once they leave, the name given at the time stays.
    await ok(core, session, 'members.update', { id: sophie, firstName: 'Sophie', lastName: 'Durand-Roy', role: 'adjoint', rank: 2 })
    expect((await ok(core, session, 'projects.get', { id: project.id })).participants[0]!.name).toBe('Sophie Durand-Roy')
    await ok(core, session, 'members.remove', { id: sophie })
    expect((await ok(core, session, 'projects.get', { id: project.id })).participants[0]).toMatchObject({ memberId: null, name: 'Sophie Durand' })

    await ok(core, session, 'participants.remove', { id: outside.id })
    expect((await failure(core, session, 'participants.remove', { id: outside.id })).code).toBe('NOT_FOUND')
    expect(projectAudit(core.database.sqlite, { entity: 'participant' }).map((r) => [r.action, r.projectId])).toEqual([
      ['create', project.id],
      ['create', project.id],
      ['delete', project.id],
    ])
  })
})
