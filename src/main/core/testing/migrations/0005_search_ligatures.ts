import { seedInitialSchema, initialDataDifferences, AT, type MigrationFixture } from './seeds'

/** Search indexes rebuilt with the ligatures spelled out (œ → oe, æ → ae), and their triggers with them. */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialSchema(sqlite)
    sqlite.prepare("UPDATE members SET first_name = 'Lætitia' WHERE id = 2").run()
    sqlite
      .prepare(
        "INSERT INTO projects (id, title, description, status, priority, created_at, created_by, updated_at) VALUES (1, 'Cœur de village', 'Une œuvre pour la place', 'idee', 'normale', ?, 'Secrétariat', ?)",
      )
      .run(AT, AT)
    sqlite
      .prepare(
        "INSERT INTO tasks (id, project_id, title, description, status, created_at, updated_at) VALUES (1, 1, 'Choisir l’ŒUVRE', '', 'a_faire', ?, ?)",
      )
      .run(AT, AT)
    sqlite.prepare("INSERT INTO comments (id, project_id, body, author_name, created_at) VALUES (1, 1, 'Classés ex æquo', 'Claire', ?)").run(AT)
  },
  verify: (sqlite) => {
    // The initial checks do not read first names: the seed renamed Paul on purpose.
    const lost = initialDataDifferences(sqlite)
    if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
    const texts = sqlite.prepare('SELECT (SELECT title FROM projects WHERE id = 1) AS p, (SELECT first_name FROM members WHERE id = 2) AS m').get()
    if (JSON.stringify(texts) !== '{"p":"Cœur de village","m":"Lætitia"}') throw new Error(`Textes modifiés : ${JSON.stringify(texts)}`)
    const hits = (fts: string, q: string) =>
      (sqlite.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`).all(q) as { rowid: number }[]).map((r) => r.rowid)
    const found = {
      projects: hits('projects_fts', '"coeur"*'),
      description: hits('projects_fts', '"oeuvre"*'),
      tasks: hits('tasks_fts', '"oeuvre"*'),
      comments: hits('comments_fts', '"aequo"*'),
      members: hits('members_fts', '"laetitia"*'),
      accents: hits('projects_fts', '"village"*'),
    }
    const expected = { projects: [1], description: [1], tasks: [1], comments: [1], members: [2], accents: [1] }
    if (JSON.stringify(found) !== JSON.stringify(expected)) throw new Error(`Index de recherche : ${JSON.stringify(found)}`)
    // The new triggers fold too, and remove what they indexed.
    sqlite.prepare("UPDATE projects SET title = 'Sœur Anne' WHERE id = 1").run()
    if (hits('projects_fts', '"coeur"*').length !== 0 || hits('projects_fts', '"soeur"*').length !== 1) throw new Error('Titre modifié mal indexé.')
    sqlite.prepare('DELETE FROM projects WHERE id = 1').run()
    const left = [
      hits('projects_fts', '"soeur"*'),
      hits('projects_fts', '"oeuvre"*'),
      hits('tasks_fts', '"oeuvre"*'),
      hits('comments_fts', '"aequo"*'),
    ]
    if (left.some((l) => l.length > 0)) throw new Error(`Index non vidé après suppression : ${JSON.stringify(left)}`)
  },
}
