import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, AT, type MigrationFixture } from './seeds'

/** Formation des élus: four new tables (created empty); the existing members, diagnostic and files are untouched. */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    for (const table of ['trainings', 'training_providers', 'training_rights', 'training_budgets']) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }
      if (n !== 0) throw new Error(`La table ${table} devrait être vide après la migration (${n} lignes).`)
    }
    // The new references work on the migrated data: a training follows its élu, and outlives its organisme.
    sqlite.prepare("INSERT INTO training_providers (id, name, created_at, updated_at) VALUES (1, 'Association des maires', ?, ?)").run(AT, AT)
    sqlite
      .prepare(
        `INSERT INTO trainings (id, member_id, title, provider_id, mode, funding, status, created_at, updated_at)
         VALUES (1, 2, 'La voirie communale', 1, 'presentiel', 'budget_communal', 'souhaitee', ?, ?)`,
      )
      .run(AT, AT)
    sqlite.prepare('INSERT INTO training_rights (member_id, is_employee, updated_at) VALUES (2, 1, ?)').run(AT)
    sqlite.prepare('DELETE FROM training_providers WHERE id = 1').run()
    const kept = sqlite.prepare('SELECT provider_id AS p FROM trainings WHERE id = 1').get()
    if (JSON.stringify(kept) !== '{"p":null}') throw new Error(`Organisme non détaché : ${JSON.stringify(kept)}`)
    sqlite.prepare('DELETE FROM theme_assignments WHERE member_id = 2').run()
    sqlite.prepare('DELETE FROM members WHERE id = 2').run()
    const left = sqlite.prepare('SELECT (SELECT count(*) FROM trainings) AS t, (SELECT count(*) FROM training_rights) AS r').get()
    if (JSON.stringify(left) !== '{"t":0,"r":0}') throw new Error(`Formations restées sans leur élu : ${JSON.stringify(left)}`)
  },
}
