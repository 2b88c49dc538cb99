import { describe, expect, it } from 'vitest'
import { MEMBER_TASK_GROUPS, memberTaskGroupSql } from '../projects/member-tasks'
import { count, createProject, memberId, NOW, PROJECT_CORE_OPTIONS, projectAudit } from '../testing/projects'
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
    expect(mine.items.map((t) => [t.title, t.overdue])).toEqual([
      ['retard ancien', true],
      ['retard récent A', true],
      ['retard récent Z', true],
      ["aujourd'hui", false],
      ['future', false],
      ['sans date A', false],
      ['sans date Z', false],
    ])
    expect(mine.items[0]).toMatchObject({ projectTitle: 'Zone de loisirs', assigneeName: 'Luc Moreau', status: 'a_faire', checklist: [] })
    expect(mine).toMatchObject({ total: 7, counts: { overdue: 3, upcoming: 2, undated: 2, done: 0 } })
    // Done tasks, when asked for, are never « en retard » nor « à venir »: they come last, in a group of their own.
    const withDone = await ok(core, session, 'tasks.forMember', { includeDone: true })
    expect(withDone.items.map((t) => t.title)).toEqual([
      'retard ancien',
      'retard récent A',
      'retard récent Z',
      "aujourd'hui",
      'future',
      'sans date A',
      'sans date Z',
      'faite en retard',
    ])
    expect(withDone).toMatchObject({ total: 8, counts: { overdue: 3, upcoming: 2, undated: 2, done: 1 } })
    expect((await ok(core, session, 'tasks.forMember', { memberId: paul })).items.map((t) => t.title)).toEqual(['de Paul'])
  })

  it('gives the most urgent first, a page at a time: any limit is the start of the same list, and the counts stay whole', async () => {
    const test = setUp()
    const { core, session } = test
    const luc = await memberId(test, 'Moreau')
    // Titles that only a French order sorts right (« École » between « Eau » and « Étang »), several tasks a day.
    const projects = await Promise.all(['Zinc', 'École', 'Eau', 'Étang', 'abri'].map((title) => createProject(test, { title })))
    const dates = ['2026-03-02', '2026-05-03', '2026-05-04', '2026-05-20', null]
    const statuses = ['a_faire', 'en_cours', 'bloquee', 'faite'] as const
    for (let i = 0; i < 60; i++) {
      await ok(core, session, 'tasks.create', {
        projectId: projects[(i * 7) % projects.length]!.id,
        title: `Tâche ${String(i).padStart(2, '0')}`,
        assigneeMemberId: luc,
        dueOn: dates[(i * 3) % dates.length]!,
        status: statuses[i % statuses.length]!,
      })
    }
    for (const includeDone of [false, true]) {
      const all = await ok(core, session, 'tasks.forMember', { includeDone, limit: 1000 })
      expect(all.items).toHaveLength(includeDone ? 60 : 45)
      expect(all.total).toBe(all.items.length)
      // The groups, in order, as the counts say.
      const group = (t: (typeof all.items)[number]) => (t.status === 'faite' ? 3 : t.overdue ? 0 : t.dueOn !== null ? 1 : 2)
      expect(all.items.map(group)).toEqual([...all.items.map(group)].sort())
      expect(all.counts).toEqual({
        overdue: all.items.filter((t) => group(t) === 0).length,
        upcoming: all.items.filter((t) => group(t) === 1).length,
        undated: all.items.filter((t) => group(t) === 2).length,
        done: all.items.filter((t) => group(t) === 3).length,
      })
      // Within a due date, by project title in French order, then by creation.
      const sameDay = all.items.filter((t) => t.dueOn === '2026-05-20' && t.status !== 'faite')
      const order = ['abri', 'Eau', 'École', 'Étang', 'Zinc']
      const ranks = sameDay.map((t) => order.indexOf(t.projectTitle))
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
      for (const limit of [1, 2, 9, 10, 11, 12, 20, 30, 44, 45, 46, 59]) {
        const page = await ok(core, session, 'tasks.forMember', { includeDone, limit })
        expect(page.items.map((t) => t.id)).toEqual(all.items.slice(0, limit).map((t) => t.id))
        expect({ total: page.total, counts: page.counts }).toEqual({ total: all.total, counts: all.counts })
      }
    }
    // 50 by default.
    expect((await ok(core, session, 'tasks.forMember', { includeDone: true })).items).toHaveLength(50)
  })

  it('reads open tasks from the partial index in due-date order (no sort of all of them)', () => {
    const { core } = setUp()
    const plan = (sql: string) =>
      (core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ memberId: 1, today: '2026-05-04', limit: 50 }) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    for (const group of MEMBER_TASK_GROUPS.filter((g) => !g.done)) {
      const detail = plan(memberTaskGroupSql(group))
      expect(detail).toContain('USING INDEX tasks_assignee_open_due (assignee_member_id=?')
      expect(detail).not.toContain('USE TEMP B-TREE FOR ORDER BY')
    }
  })

  it('refuses a number of tasks to show that is not a whole number from 1 to 5000, in French', async () => {
    const { core, session } = setUp()
    for (const limit of [0, 5001, 1.5]) {
      const error = await failure(core, session, 'tasks.forMember', { limit })
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        issues: [{ path: 'limit', message: expect.stringMatching(/^Le nombre de tâches à afficher/) }],
      })
    }
  })

  it('asks for a person when the profile is tied to nobody (CONFLICT), and refuses an unknown person', async () => {
    const { core, session } = setUp()
    await signInAsElu(core, session, 'Invité')
    const error = await failure(core, session, 'tasks.forMember', {})
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/rattaché à aucune personne/) })
    expect((await failure(core, session, 'tasks.forMember', { memberId: 999 })).code).toBe('NOT_FOUND')
  })
})
