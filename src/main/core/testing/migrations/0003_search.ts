import { seedInitialSchema, initialDataDifferences, AT, type MigrationFixture } from './seeds'

/** Full-text search indexes (FTS5, external content) and their triggers; the rows already there are indexed. */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialSchema(sqlite)
    sqlite
      .prepare(
        "INSERT INTO projects (id, title, description, status, priority, created_at, created_by, updated_at) VALUES (1, 'École maternelle', 'Rénover le préau', 'idee', 'normale', ?, 'Secrétariat', ?)",
      )
      .run(AT, AT)
    sqlite
      .prepare(
        "INSERT INTO tasks (id, project_id, title, description, status, created_at, updated_at) VALUES (1, 1, 'Demander les devis', 'Trois entreprises', 'a_faire', ?, ?)",
      )
      .run(AT, AT)
    sqlite
      .prepare("INSERT INTO comments (id, project_id, body, author_name, created_at) VALUES (1, 1, 'Le conseil d’école est d’accord', 'Claire', ?)")
      .run(AT)
  },
  verify: (sqlite) => {
    const lost = initialDataDifferences(sqlite)
    if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
    const hits = (sql: string) => (sqlite.prepare(sql).all() as { rowid: number }[]).map((r) => r.rowid)
    const found = {
      projects: hits(`SELECT rowid FROM projects_fts WHERE projects_fts MATCH '"ecole"*'`),
      tasks: hits(`SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH '"devis"*'`),
      comments: hits(`SELECT rowid FROM comments_fts WHERE comments_fts MATCH '"accord"*'`),
      members: hits(`SELECT rowid FROM members_fts WHERE members_fts MATCH '"voirie"*'`),
    }
    if (JSON.stringify(found) !== '{"projects":[1],"tasks":[1],"comments":[1],"members":[2]}')
      throw new Error(`Index de recherche incomplet : ${JSON.stringify(found)}`)
    // The triggers follow later writes.
    sqlite.prepare("UPDATE projects SET title = 'Cantine scolaire' WHERE id = 1").run()
    if (hits(`SELECT rowid FROM projects_fts WHERE projects_fts MATCH '"ecole"*'`).length !== 0) throw new Error('Ancien titre encore indexé.')
    if (hits(`SELECT rowid FROM projects_fts WHERE projects_fts MATCH '"cantine"*'`).length !== 1) throw new Error('Nouveau titre non indexé.')
    sqlite.prepare("INSERT INTO projects_fts (projects_fts) VALUES ('integrity-check')").run()
  },
}
