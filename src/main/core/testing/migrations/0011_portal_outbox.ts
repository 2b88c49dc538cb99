import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

const AT = '2026-03-20T18:00:00.000Z'

/**
 * portal_outbox and portal_publications (new, empty): nothing is queued or published after the upgrade; a publication
 * follows its project when the project is deleted.
 */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const rows = sqlite.prepare('SELECT (SELECT count(*) FROM portal_outbox) AS o, (SELECT count(*) FROM portal_publications) AS p').get()
    if (JSON.stringify(rows) !== '{"o":0,"p":0}') throw new Error(`Publications inventées : ${JSON.stringify(rows)}`)
    sqlite
      .prepare(
        "INSERT INTO projects (id, title, status, priority, created_at, created_by, updated_at) VALUES (900, 'Préau', 'idee', 'normale', ?, 'Secrétariat', ?)",
      )
      .run(AT, AT)
    sqlite
      .prepare(
        "INSERT INTO portal_publications (project_id, external_id, fields, last_payload, published_at, published_by, updated_at) VALUES (900, 'projet-900', '[]', '{}', ?, 'Secrétariat', ?)",
      )
      .run(AT, AT)
    sqlite.prepare('DELETE FROM projects WHERE id = 900').run()
    const left = sqlite.prepare('SELECT count(*) AS n FROM portal_publications').get() as { n: number }
    if (left.n !== 0) throw new Error('Publication restée sans son projet')
  },
}
