import { describe, expect, it } from 'vitest'
import { contract } from '../../../shared/contract'
import { ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

const setUp = setUpCorePerTest('audit')

function seedTrail(sqlite: import('better-sqlite3').Database) {
  const project = Number(
    sqlite
      .prepare(
        "INSERT INTO projects (title, status, priority, created_at, created_by, updated_at) VALUES ('Cantine bio', 'en_cours', 'haute', 'x', 'x', 'x')",
      )
      .run().lastInsertRowid,
  )
  const task = Number(
    sqlite
      .prepare("INSERT INTO tasks (project_id, title, status, created_at, updated_at) VALUES (?, 'Choisir le prestataire', 'a_faire', 'x', 'x')")
      .run(project).lastInsertRowid,
  )
  const insert = sqlite.prepare(
    'INSERT INTO audit_log (at, profile_id, profile_name, entity, entity_id, action, field, before, after, project_id) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  insert.run('2027-04-01T09:00:00.000Z', 'Claire', 'project', String(project), 'create', null, null, '{"title":"Cantine bio"}', project)
  insert.run('2027-04-02T09:00:00.000Z', 'Claire', 'task', String(task), 'create', null, null, '{"title":"Choisir le prestataire"}', project)
  insert.run('2027-04-03T23:59:59.000Z', 'Paul', 'task', String(task), 'update', 'status', '"a_faire"', '"en_cours"', project)
  insert.run('2027-04-03T12:00:00.000Z', 'Paul', 'project', '999', 'update', 'status', '"idee"', '"abandonne"', 999)
  insert.run('2027-04-04T00:00:00.000Z', 'Paul', 'project', '999', 'delete', null, '{"title":"Salle des fêtes"}', null, 999)
  return { project, task }
}

describe('audit.list', () => {
  it('lists newest first with a readable label, before/after parsed, and pages', async () => {
    const { core, session } = setUp()
    const { project, task } = seedTrail(core.database.sqlite)
    const all = await ok(core, session, 'audit.list', {})
    // The setup of Faux-Villecerf wrote its own rows first (commune, members, profile…).
    expect(all.total).toBeGreaterThan(4)
    expect(all.items.slice(0, 5).map((e) => [e.entity, e.action, e.label])).toEqual([
      ['project', 'delete', 'Salle des fêtes'],
      ['task', 'update', 'Choisir le prestataire'],
      // A field change of a project deleted since: named from the trail's own deletion row.
      ['project', 'update', 'Salle des fêtes'],
      ['task', 'create', 'Choisir le prestataire'],
      ['project', 'create', 'Cantine bio'],
    ])
    expect(all.items[1]).toMatchObject({ entityId: String(task), field: 'status', before: 'a_faire', after: 'en_cours', profileName: 'Paul' })
    expect(all.items[4]!.after).toEqual({ title: 'Cantine bio' })
    const member = all.items.find((e) => e.entity === 'member' && e.action === 'create')!
    expect(member.label).toMatch(/^[A-ZÉ][a-zé]+ [A-Z][a-z]+$/)

    const page2 = await ok(core, session, 'audit.list', { page: 2, pageSize: 2 })
    expect(page2.total).toBe(all.total)
    expect(page2.items.map((e) => e.id)).toEqual(all.items.slice(2, 4).map((e) => e.id))
    expect(page2.items[0]!.label).toBe('Salle des fêtes')
    expect(project).toBeGreaterThan(0)
  })

  it('filters by entity, project, author and dates (both days included)', async () => {
    const { core, session } = setUp()
    const { project } = seedTrail(core.database.sqlite)
    const ids = async (input: Parameters<typeof ok<'audit.list'>>[3]) =>
      (await ok(core, session, 'audit.list', input)).items.map((e) => `${e.entity}:${e.action}`)

    expect(await ids({ projectId: project })).toEqual(['task:update', 'task:create', 'project:create'])
    expect(await ids({ entity: 'task' })).toEqual(['task:update', 'task:create'])
    expect(await ids({ profileName: 'Paul' })).toEqual(['project:delete', 'task:update', 'project:update'])
    expect(await ids({ from: '2027-04-02', to: '2027-04-03' })).toEqual(['task:update', 'project:update', 'task:create'])
    expect(await ids({ from: '2027-04-04', to: '2027-04-04' })).toEqual(['project:delete'])
    expect(await ids({ entity: 'task', profileName: 'Claire', projectId: project })).toEqual(['task:create'])
    expect((await ok(core, session, 'audit.list', { entity: 'nothing' })).total).toBe(0)
  })

  it('is read-only: the contract has no method to change or delete the trail', () => {
    expect(Object.keys(contract).filter((name) => name.startsWith('audit.'))).toEqual(['audit.list'])
  })
})

describe('audit.list through the contract’s own writers', () => {
  it('names every kind of record of a project, and gathers them under the project', async () => {
    const { core, session } = setUp()
    const project = await ok(core, session, 'projects.create', { title: 'Jardin partagé' })
    const task = await ok(core, session, 'tasks.create', { projectId: project.id, title: 'Clôturer la parcelle' })
    await ok(core, session, 'fundings.create', { projectId: project.id, funder: 'region', requestedCents: 100_000 })
    const indicator = await ok(core, session, 'indicators.create', { projectId: project.id, label: 'Jardiniers inscrits' })
    await ok(core, session, 'measurements.add', { indicatorId: indicator.id, measuredOn: '2026-09-01', value: 12 })
    await ok(core, session, 'tasks.update', { id: task.id, title: 'Clôturer la parcelle', status: 'faite' })
    const { items } = await ok(core, session, 'audit.list', { projectId: project.id, pageSize: 200 })
    const labelOf = (entity: string) => items.find((e) => e.entity === entity)?.label
    expect(labelOf('project')).toBe('Jardin partagé')
    expect(labelOf('task')).toBe('Clôturer la parcelle')
    expect(labelOf('funding')).toBe('Région')
    expect(labelOf('indicator')).toBe('Jardiniers inscrits')
    expect(labelOf('measurement')).toBe('Jardiniers inscrits — 2026-09-01')
    expect(items.find((e) => e.entity === 'task' && e.field === 'status')).toMatchObject({ before: 'a_faire', after: 'faite' })
  })
})
