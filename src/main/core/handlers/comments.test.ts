import { describe, expect, it } from 'vitest'
import { count, createProject, NOW, PROJECT_CORE_OPTIONS, projectAudit } from '../testing/projects'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { signInAsElu } from '../testing/referentiel'

const setUp = setUpCorePerTest('comments', PROJECT_CORE_OPTIONS)

describe('comments.add', () => {
  it('records the signed-in profile as the author, on the project or one of its tasks', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const other = await createProject(test, { title: 'Autre' })
    const task = await ok(core, session, 'tasks.create', { projectId: project.id, title: 'Devis' })
    const foreignTask = await ok(core, session, 'tasks.create', { projectId: other.id, title: 'Ailleurs' })
    const profileId = await signInAsElu(core, session, 'Paul Bernard')
    const comment = await ok(core, session, 'comments.add', { projectId: project.id, taskId: task.id, body: '  Devis reçu, à comparer. ' })
    expect(comment).toEqual({
      id: comment.id,
      projectId: project.id,
      taskId: task.id,
      body: 'Devis reçu, à comparer.',
      authorName: 'Paul Bernard',
      createdAt: NOW,
    })
    expect(core.database.sqlite.prepare('SELECT author_profile_id AS p FROM comments').get()).toEqual({ p: profileId })
    expect((await ok(core, session, 'projects.get', { id: project.id })).comments).toEqual([comment])
    expect(projectAudit(core.database.sqlite, { entity: 'comment' })).toEqual([
      expect.objectContaining({ action: 'create', projectId: project.id, profileName: 'Paul Bernard' }),
    ])

    expect((await failure(core, session, 'comments.add', { projectId: project.id, body: ' ' })).message).toBe('Le commentaire est obligatoire.')
    expect((await failure(core, session, 'comments.add', { projectId: project.id, taskId: foreignTask.id, body: 'x' })).code).toBe('CONFLICT')
    expect((await failure(core, session, 'comments.add', { projectId: 999, body: 'x' })).code).toBe('NOT_FOUND')
    expect(count(core.database.sqlite, 'comments')).toBe(1)
  })
})
