import { describe, expect, it } from 'vitest'
import { count, createProject, memberId, NOW, PROJECT_CORE_OPTIONS, projectAudit } from '../projects/test-helpers'
import { createTestCore, failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { signInAsElu } from '../testing/referentiel'

const setUp = setUpCorePerTest('tasks', PROJECT_CORE_OPTIONS)
const LATER = '2026-05-06T08:00:00.000Z'

describe('tasks.create and tasks.update', () => {
  it('creates a task with its assignee and checklist, audited with the project id', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const paul = await memberId(test, 'Bernard')
    const task = await ok(core, session, 'tasks.create', {
      projectId: project.id,
      title: 'Demander trois devis',
      assigneeMemberId: paul,
      dueOn: '2026-05-01',
      checklist: [
        { label: 'Devis A', done: true },
        { label: 'Devis B', done: false },
      ],
    })
    expect(task).toEqual({
      id: task.id,
      projectId: project.id,
      projectTitle: 'Rénovation de la cantine',
      actionId: null,
      title: 'Demander trois devis',
      description: '',
      assigneeMemberId: paul,
      assigneeName: 'Paul Bernard',
      dueOn: '2026-05-01',
      status: 'a_faire',
      checklist: [
        { label: 'Devis A', done: true },
        { label: 'Devis B', done: false },
      ],
      createdAt: NOW,
      completedAt: null,
      overdue: true,
    })
    expect(projectAudit(core.database.sqlite, { entity: 'task' })).toEqual([
      expect.objectContaining({
        action: 'create',
        projectId: project.id,
        profileName: 'Secrétariat',
        after: expect.objectContaining({ checklist: task.checklist }),
      }),
    ])
  })

  it('sets completedAt when the task becomes « faite », keeps it while done, clears it when it leaves « faite »', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const created = await ok(core, session, 'tasks.create', { projectId: project.id, title: 'Commander', status: 'faite', dueOn: '2026-01-01' })
    expect(created).toMatchObject({ completedAt: NOW, overdue: false })
    const base = { id: created.id, title: 'Commander', dueOn: '2026-01-01' }
    expect(await ok(core, session, 'tasks.update', { ...base, status: 'faite', description: 'fait' })).toMatchObject({ completedAt: NOW })
    const reopened = await ok(core, session, 'tasks.update', { ...base, status: 'en_cours' })
    expect(reopened).toMatchObject({ completedAt: null, overdue: true })

    const later = createTestCore(test.dataDir, { ...PROJECT_CORE_OPTIONS, now: () => new Date(LATER) })
    try {
      await ok(later.core, later.session, 'session.open', { profileId: 1 })
      expect(await ok(later.core, later.session, 'tasks.update', { ...base, status: 'faite' })).toMatchObject({ completedAt: LATER })
    } finally {
      later.core.close()
    }
    const statusRows = projectAudit(core.database.sqlite, { entity: 'task' }).filter((r) => r.field === 'status' || r.field === 'completedAt')
    expect(statusRows.map((r) => [r.field, r.before, r.after, r.projectId])).toEqual([
      ['status', 'faite', 'en_cours', project.id],
      ['completedAt', NOW, null, project.id],
      ['status', 'en_cours', 'faite', project.id],
      ['completedAt', null, LATER, project.id],
    ])
  })

  it('refuses an action of another project (CONFLICT), unknown action or assignee (NOT_FOUND), and writes nothing', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const other = await createProject(test, { title: 'Autre' })
    const foreign = await ok(core, session, 'actions.create', { projectId: other.id, title: 'Étape' })
    const before = count(core.database.sqlite, 'audit_log')

    const conflict = await failure(core, session, 'tasks.create', { projectId: project.id, actionId: foreign.id, title: 'T' })
    expect(conflict).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/appartient à un autre projet/),
      issues: [{ path: 'actionId' }],
    })
    expect((await failure(core, session, 'tasks.create', { projectId: project.id, actionId: 999, title: 'T' })).code).toBe('NOT_FOUND')
    const assignee = await failure(core, session, 'tasks.create', { projectId: project.id, assigneeMemberId: 999, title: 'T' })
    expect(assignee).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/ne fait plus partie de l'équipe/) })
    expect((await failure(core, session, 'tasks.create', { projectId: 999, title: 'T' })).message).toMatch(/Ce projet n'existe plus/)
    expect((await failure(core, session, 'tasks.create', { projectId: project.id, title: 'T', status: 'finie' })).message).toMatch(/statut de tâche/)
    expect((await failure(core, session, 'tasks.create', { projectId: project.id, title: 'T', dueOn: '2026-13-01' })).code).toBe('INVALID_INPUT')
    expect(
      (await failure(core, session, 'tasks.create', { projectId: project.id, title: 'T', checklist: [{ label: ' ', done: false }] })).message,
    ).toMatch(/élément de la liste est vide/)

    const task = await ok(core, session, 'tasks.create', { projectId: project.id, title: 'T' })
    expect((await failure(core, session, 'tasks.update', { id: task.id, title: 'T', actionId: foreign.id })).code).toBe('CONFLICT')
    expect(count(core.database.sqlite, 'tasks')).toBe(1)
    expect(count(core.database.sqlite, 'audit_log')).toBe(before + 1)
  })
})

describe('tasks.remove', () => {
  it('removes the task and its comments, keeps its files on the project, and says so in the trail', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const task = await ok(core, session, 'tasks.create', { projectId: project.id, title: 'Devis' })
    const comment = await ok(core, session, 'comments.add', { projectId: project.id, taskId: task.id, body: 'Relancer' })
    const file = await ok(core, session, 'attachments.add', {
      projectId: project.id,
      taskId: task.id,
      fileName: 'devis.pdf',
      contentBase64: Buffer.from('devis').toString('base64'),
    })
    await ok(core, session, 'tasks.remove', { id: task.id })
    const detail = await ok(core, session, 'projects.get', { id: project.id })
    expect(detail.tasks).toEqual([])
    expect(detail.comments).toEqual([])
    expect(detail.attachments).toEqual([{ ...file, taskId: null }])
    const rows = projectAudit(core.database.sqlite, { projectId: project.id }).filter((r) => r.action !== 'create')
    expect(rows.map((r) => [r.entity, r.entityId, r.action, r.field])).toEqual([
      ['comment', String(comment.id), 'delete', null],
      ['attachment', String(file.id), 'update', 'taskId'],
      ['task', String(task.id), 'delete', null],
    ])
    expect((await failure(core, session, 'tasks.remove', { id: task.id })).code).toBe('NOT_FOUND')
  })
})

describe('tasks.forMember', () => {
  it("lists the signed-in person's open tasks: overdue first, then by due date (none last), then project title", async () => {
    const test = setUp()
    const { core, session } = test
    // The administrator « Secrétariat » is Luc Moreau's profile.
    const luc = await memberId(test, 'Moreau')
    const paul = await memberId(test, 'Bernard')
    const zoo = await createProject(test, { title: 'Zone de loisirs' })
    const abri = await createProject(test, { title: 'Abribus' })
    const add = (projectId: number, title: string, dueOn: string | null, extra: object = {}) =>
      ok(core, session, 'tasks.create', { projectId, title, dueOn, assigneeMemberId: luc, ...extra })
    await add(zoo.id, 'sans date Z', null)
    await add(abri.id, 'sans date A', null)
    await add(zoo.id, 'future', '2026-06-01')
    await add(zoo.id, 'retard récent Z', '2026-05-03')
    await add(abri.id, 'retard récent A', '2026-05-03')
    await add(zoo.id, 'retard ancien', '2026-04-01')
    await add(zoo.id, "aujourd'hui", '2026-05-04')
    await add(zoo.id, 'faite en retard', '2026-04-01', { status: 'faite' })
    await add(zoo.id, 'de Paul', '2026-04-01', { assigneeMemberId: paul })

    const mine = await ok(core, session, 'tasks.forMember', {})
    expect(mine.map((t) => [t.title, t.overdue])).toEqual([
      ['retard ancien', true],
      ['retard récent A', true],
      ['retard récent Z', true],
      ["aujourd'hui", false],
      ['future', false],
      ['sans date A', false],
      ['sans date Z', false],
    ])
    const withDone = await ok(core, session, 'tasks.forMember', { includeDone: true })
    expect(withDone.map((t) => t.title)).toContain('faite en retard')
    expect((await ok(core, session, 'tasks.forMember', { memberId: paul })).map((t) => t.title)).toEqual(['de Paul'])
  })

  it('asks for a person when the profile is tied to nobody (CONFLICT), and refuses an unknown person', async () => {
    const { core, session } = setUp()
    await signInAsElu(core, session, 'Invité')
    const error = await failure(core, session, 'tasks.forMember', {})
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/rattaché à aucune personne/) })
    expect((await failure(core, session, 'tasks.forMember', { memberId: 999 })).code).toBe('NOT_FOUND')
  })
})
