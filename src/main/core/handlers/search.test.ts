import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'
import { ftsQuery } from '../search/fts'

const setUp = setUpCorePerTest('search', { referentielFile: FIXTURE_REFERENTIEL_FILE })
const AT = '2026-05-04T10:00:00.000Z'

/** Plain SQL writes: the triggers must keep the index right whoever writes. */
function seed(sqlite: Database.Database) {
  const project = sqlite.prepare(
    "INSERT INTO projects (title, description, status, priority, created_at, created_by, updated_at) VALUES (?, ?, 'en_cours', 'normale', ?, 'Test', ?)",
  )
  const school = Number(project.run('École maternelle : rénovation du préau', 'Isolation et chauffage du bâtiment scolaire', AT, AT).lastInsertRowid)
  const road = Number(project.run('Voirie communale', 'Réfection de la route de Villadin', AT, AT).lastInsertRowid)
  const task = sqlite.prepare("INSERT INTO tasks (project_id, title, description, status, created_at, updated_at) VALUES (?, ?, ?, 'a_faire', ?, ?)")
  const quote = Number(task.run(school, 'Demander trois devis', 'Chaudière à granulés ou pompe à chaleur', AT, AT).lastInsertRowid)
  const drains = Number(task.run(road, 'Curage des fossés', '', AT, AT).lastInsertRowid)
  const comment = Number(
    sqlite
      .prepare("INSERT INTO comments (project_id, body, author_name, created_at) VALUES (?, ?, 'Claire', ?)")
      .run(school, 'Le conseil d’école valide le calendrier des travaux.', AT).lastInsertRowid,
  )
  return { school, road, quote, drains, comment }
}

describe('the FTS5 query built from what the user typed', () => {
  it('folds, quotes every word and adds a prefix star; nothing searchable gives null', () => {
    expect(ftsQuery('École  Mater')).toBe('"ecole"* "mater"*')
    expect(ftsQuery('NEAR(école, "préau")')).toBe('"near"* "ecole"* "preau"*')
    expect(ftsQuery('title:voirie OR -x')).toBe('"title"* "voirie"* "or"*')
    // A search starts from two characters: single letters are left out ("l'école" → ecole).
    expect(ftsQuery("l'école 2")).toBe('"ecole"*')
    for (const hostile of ['"', '*', '   ', '()', '^', ':', '-', 'e', 'é']) expect(ftsQuery(hostile)).toBeNull()
  })
})

describe('search.query', () => {
  it('finds projects, tasks, comments and people whatever the accents, grouped by kind with their paths', async () => {
    const { core, session } = setUp()
    const ids = seed(core.database.sqlite)
    const { groups } = await ok(core, session, 'search.query', { query: 'ecole' })
    expect(groups.map((g) => g.kind)).toEqual(['project', 'comment', 'theme', 'criterion', 'person'])
    const byKind = Object.fromEntries(groups.map((g) => [g.kind, g.hits]))
    expect(byKind.project).toEqual([
      {
        kind: 'project',
        id: String(ids.school),
        title: 'École maternelle : rénovation du préau',
        excerpt: expect.stringContaining('École'),
        path: `/projets/${ids.school}`,
      },
    ])
    expect(byKind.comment![0]).toMatchObject({
      id: String(ids.comment),
      title: 'École maternelle : rénovation du préau',
      path: `/projets/${ids.school}`,
    })
    expect(byKind.comment![0]!.excerpt).toContain('conseil d’école')
    // Sophie Durand, adjointe déléguée à l'École (setup of Faux-Villecerf).
    expect(byKind.person).toEqual([expect.objectContaining({ kind: 'person', title: 'Sophie Durand', excerpt: 'École', path: '/equipe' })])
    expect(byKind.theme).toEqual([
      expect.objectContaining({ kind: 'theme', id: 'ecole', title: 'École et restauration scolaire', path: '/referentiel?theme=ecole' }),
    ])

    const accented = await ok(core, session, 'search.query', { query: 'ÉCOLE' })
    expect(accented).toEqual({ groups })
  })

  it('matches word prefixes, every word required, and tasks lead to their project with the task selected', async () => {
    const { core, session } = setUp()
    const ids = seed(core.database.sqlite)
    const { groups } = await ok(core, session, 'search.query', { query: 'chaud gran' })
    expect(groups).toEqual([
      {
        kind: 'task',
        hits: [
          {
            kind: 'task',
            id: String(ids.quote),
            title: 'Demander trois devis',
            excerpt: expect.stringContaining('granulés'),
            path: `/projets/${ids.school}?tache=${ids.quote}`,
          },
        ],
      },
    ])
    const criteria = await ok(core, session, 'search.query', { query: 'cantine egalim' })
    expect(criteria.groups).toEqual([
      { kind: 'criterion', hits: [expect.objectContaining({ id: 'ecole-cantine-menus', path: '/referentiel?theme=ecole' })] },
    ])
    expect((await ok(core, session, 'search.query', { query: 'voirie', limit: 1 })).groups.find((g) => g.kind === 'project')!.hits).toHaveLength(1)
  })

  it('ranks title matches first (bm25 weights)', async () => {
    const { core, session } = setUp()
    const sqlite = core.database.sqlite
    seed(sqlite)
    sqlite
      .prepare(
        "INSERT INTO projects (title, description, status, priority, created_at, created_by, updated_at) VALUES ('Plan vélo', 'Pistes vers la voirie départementale et le bourg', 'idee', 'normale', ?, 'Test', ?)",
      )
      .run(AT, AT)
    const hits = (await ok(core, session, 'search.query', { query: 'voirie' })).groups.find((g) => g.kind === 'project')!.hits
    expect(hits.map((h) => h.title)).toEqual(['Voirie communale', 'Plan vélo'])
  })

  it('an empty query, or one with nothing searchable, gives no groups; hostile input never throws', async () => {
    const { core, session } = setUp()
    seed(core.database.sqlite)
    for (const query of [
      '',
      '   ',
      '"',
      '*',
      'NEAR(',
      '"ecole',
      'ecole"*',
      "') OR 1=1 --",
      'title:ecole',
      'AND OR NOT',
      '^ecole',
      '{title}: x',
      'é'.repeat(200),
    ]) {
      const result = await ok(core, session, 'search.query', { query })
      expect(Array.isArray(result.groups), query).toBe(true)
    }
    expect(await ok(core, session, 'search.query', { query: '' })).toEqual({ groups: [] })
    expect(await ok(core, session, 'search.query', { query: '" * (' })).toEqual({ groups: [] })
    expect((await ok(core, session, 'search.query', { query: 'NEAR(' })).groups).toEqual([])
  })

  it('triggers keep the index in step after updates and deletions (projects, tasks, comments, people)', async () => {
    const { core, session } = setUp()
    const sqlite = core.database.sqlite
    const ids = seed(sqlite)
    const kinds = async (query: string) =>
      (await ok(core, session, 'search.query', { query })).groups.map((g) => `${g.kind}:${g.hits.map((h) => h.id).join(',')}`)

    sqlite.prepare("UPDATE projects SET title = 'Gymnase intercommunal', updated_at = ? WHERE id = ?").run(AT, ids.road)
    // Only Paul Bernard, adjoint à la voirie, is left for « voirie ».
    expect(await kinds('voirie')).toEqual(['person:2'])
    expect(await kinds('gymnase')).toEqual([`project:${ids.road}`])
    // A change to a column that is not indexed leaves the index as it was.
    sqlite.prepare("UPDATE projects SET status = 'termine' WHERE id = ?").run(ids.road)
    expect(await kinds('gymn')).toEqual([`project:${ids.road}`])

    sqlite.prepare("UPDATE tasks SET description = 'Poêle à bois' WHERE id = ?").run(ids.quote)
    expect(await kinds('granules')).toEqual([])
    expect(await kinds('poele')).toEqual([`task:${ids.quote}`])
    sqlite.prepare('DELETE FROM tasks WHERE id = ?').run(ids.quote)
    expect(await kinds('poele')).toEqual([])

    // Deleting a project cascades to its tasks and comments: their index rows go too.
    sqlite.prepare('DELETE FROM projects WHERE id = ?').run(ids.school)
    expect(await kinds('calendrier')).toEqual([])
    expect(await kinds('maternelle')).toEqual([])

    await ok(core, session, 'members.update', {
      id: 3,
      firstName: 'Sophie',
      lastName: 'Durand',
      role: 'adjoint',
      rank: 2,
      delegation: 'Affaires scolaires',
    })
    expect(await kinds('scolaires')).toEqual(['person:3'])
    const durand = (await ok(core, session, 'members.list')).find((m) => m.lastName === 'Durand')!
    await ok(core, session, 'members.remove', { id: durand.id })
    expect(await kinds('durand')).toEqual([])
    sqlite.exec("INSERT INTO projects_fts (projects_fts) VALUES ('integrity-check'); INSERT INTO tasks_fts (tasks_fts) VALUES ('integrity-check');")
    sqlite.exec(
      "INSERT INTO comments_fts (comments_fts) VALUES ('integrity-check'); INSERT INTO members_fts (members_fts) VALUES ('integrity-check');",
    )
  })

  it('ligatures: « coeur » finds « Cœur », « oeuvre » and « œuvre » find « ŒUVRE », « ae » finds « æ »; accents still fold', async () => {
    const { core, session } = setUp()
    // What the commune wrote (the référentiel's themes and criteria are searched in memory, tested elsewhere).
    const hits = async (query: string) =>
      (await ok(core, session, 'search.query', { query })).groups
        .filter((g) => g.kind !== 'theme' && g.kind !== 'criterion')
        .flatMap((g) => g.hits.map((h) => `${g.kind}:${h.title}`))
    const heart = await ok(core, session, 'projects.create', { title: 'Cœur de village', description: 'Une ŒUVRE pour la place de l’École' })
    await ok(core, session, 'tasks.create', { projectId: heart.id, title: 'Manœuvre des engins' })
    await ok(core, session, 'comments.add', { projectId: heart.id, body: 'Candidats classés ex æquo par le jury.' })
    await ok(core, session, 'members.create', { firstName: 'Lætitia', lastName: 'Cœurdevey', role: 'conseiller_municipal' })

    expect(await hits('coeur')).toEqual(['project:Cœur de village', 'person:Lætitia Cœurdevey'])
    expect(await hits('cœur')).toEqual(['project:Cœur de village', 'person:Lætitia Cœurdevey'])
    expect(await hits('COEUR DE')).toEqual(['project:Cœur de village'])
    expect(await hits('oeuvre')).toEqual(['project:Cœur de village'])
    expect(await hits('œuvre')).toEqual(['project:Cœur de village'])
    expect(await hits('manoeuv')).toEqual(['task:Manœuvre des engins'])
    expect(await hits('aequo')).toEqual(['comment:Cœur de village'])
    expect(await hits('laetitia')).toEqual(['person:Lætitia Cœurdevey'])
    expect(await hits('Læ')).toEqual(['person:Lætitia Cœurdevey'])
    // « ecole » still finds « École » (here in the description; Sophie Durand's delegation too).
    expect(await hits('ecole')).toEqual(['project:Cœur de village', 'person:Sophie Durand'])
    // The excerpt shows the text as it was written.
    const project = (await ok(core, session, 'search.query', { query: 'oeuvre' })).groups.find((g) => g.kind === 'project')!.hits[0]!
    expect(project.excerpt).toContain('ŒUVRE')

    // The triggers fold what is written later, and remove what they indexed.
    await ok(core, session, 'projects.update', { id: heart.id, title: 'Sœur Anne', description: '', status: 'idee', priority: 'normale' })
    expect(await hits('coeur')).toEqual(['person:Lætitia Cœurdevey'])
    expect(await hits('soeur')).toEqual(['project:Sœur Anne'])
    await ok(core, session, 'projects.remove', { id: heart.id })
    expect(await hits('soeur manoeuvre aequo')).toEqual([])
    const sqlite = core.database.sqlite
    const stale = ['projects_fts', 'tasks_fts', 'comments_fts'].flatMap((fts) =>
      (
        sqlite.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH '"soeur"* OR "manoeuvre"* OR "aequo"* OR "oeuvre"*'`).all() as { rowid: number }[]
      ).map((r) => `${fts}:${r.rowid}`),
    )
    expect(stale).toEqual([])
  })

  it('the contract’s own writers keep the index right: create, update, remove', async () => {
    const { core, session } = setUp()
    const titles = async (query: string) =>
      (await ok(core, session, 'search.query', { query })).groups.flatMap((g) => g.hits.map((h) => `${g.kind}:${h.title}`))
    const project = await ok(core, session, 'projects.create', {
      title: 'Médiathèque intercommunale',
      description: 'Fonds de livres en gros caractères',
    })
    const task = await ok(core, session, 'tasks.create', { projectId: project.id, title: 'Inventaire des étagères' })
    await ok(core, session, 'comments.add', { projectId: project.id, body: 'Le bibliobus passera le mardi.' })
    expect(await titles('mediatheque')).toEqual(['project:Médiathèque intercommunale'])
    expect(await titles('etageres')).toEqual(['task:Inventaire des étagères'])
    expect(await titles('bibliobus')).toEqual(['comment:Médiathèque intercommunale'])

    await ok(core, session, 'tasks.update', { id: task.id, title: 'Inventaire des rayonnages' })
    expect(await titles('etageres')).toEqual([])
    expect(await titles('rayonnages')).toEqual(['task:Inventaire des rayonnages'])
    await ok(core, session, 'projects.remove', { id: project.id })
    expect(await titles('mediatheque rayonnages bibliobus')).toEqual([])
    expect(await titles('rayonnages')).toEqual([])
    expect(await titles('bibliobus')).toEqual([])
  })
})
