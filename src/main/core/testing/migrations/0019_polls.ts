import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

const AT = '2026-03-20T18:00:00.000Z'

/** polls (new, empty): no poll is invented by the upgrade; results default to « à la clôture »; a poll without its kind is refused. */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const { n } = sqlite.prepare('SELECT count(*) AS n FROM polls').get() as { n: number }
    if (n !== 0) throw new Error(`Consultations inventées : ${n}`)
    sqlite
      .prepare(
        "INSERT INTO polls (kind, title, opens_on, closes_on, verification, questions, created_at, created_by, updated_at) VALUES ('sondage', 'Cantine', '2026-04-01', '2026-04-30', 'email', '[]', ?, 'Secrétariat', ?)",
      )
      .run(AT, AT)
    const row = sqlite.prepare('SELECT results, project_id AS project, withdrawn_at AS withdrawn FROM polls').get()
    if (JSON.stringify(row) !== '{"results":"a_la_cloture","project":null,"withdrawn":null}')
      throw new Error(`Consultation mal initialisée : ${JSON.stringify(row)}`)
    let refused = false
    try {
      sqlite
        .prepare("INSERT INTO polls (title, opens_on, closes_on, verification, questions, created_at, created_by, updated_at) VALUES ('x', 'a', 'b', 'email', '[]', ?, 'S', ?)")
        .run(AT, AT)
    } catch {
      refused = true
    }
    if (!refused) throw new Error('Consultation sans type acceptée')
  },
}
