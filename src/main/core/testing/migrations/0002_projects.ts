import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, AT, type MigrationFixture } from './seeds'

/** Project tables (created empty) and audit_log.project_id (added, null for the existing trail). */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const { n } = sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE project_id IS NOT NULL').get() as { n: number }
    if (n !== 0) throw new Error(`project_id devrait être null pour l'historique existant (${n} lignes).`)
    for (const table of [
      'projects',
      'project_themes',
      'project_criteria',
      'project_participants',
      'project_actions',
      'tasks',
      'comments',
      'attachments',
      'fundings',
      'indicators',
      'measurements',
    ]) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }
      if (n !== 0) throw new Error(`La table ${table} devrait être vide après la migration (${n} lignes).`)
    }
    // The new references work on the migrated data: a project's referent is a migrated member, unlinked on removal.
    sqlite
      .prepare(
        "INSERT INTO projects (id, title, status, priority, referent_member_id, created_at, created_by, updated_at) VALUES (1, 'Cantine', 'idee', 'normale', 2, ?, 'Secrétariat', ?)",
      )
      .run(AT, AT)
    sqlite
      .prepare("INSERT INTO tasks (project_id, title, status, assignee_member_id, created_at, updated_at) VALUES (1, 'Devis', 'a_faire', 2, ?, ?)")
      .run(AT, AT)
    sqlite.prepare('DELETE FROM theme_assignments WHERE member_id = 2').run()
    sqlite.prepare('DELETE FROM members WHERE id = 2').run()
    const after = sqlite.prepare('SELECT referent_member_id AS r, (SELECT assignee_member_id FROM tasks) AS a FROM projects').get()
    if (JSON.stringify(after) !== '{"r":null,"a":null}') throw new Error(`Références non détachées : ${JSON.stringify(after)}`)
  },
}
