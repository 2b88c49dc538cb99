import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

const AT = '2026-03-20T18:00:00.000Z'

/** resident_code_batches and resident_codes (new, empty): nothing invented; a code without its batch is refused. */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    for (const table of ['resident_code_batches', 'resident_codes']) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }
      if (n !== 0) throw new Error(`${table} : ${n} lignes inventées`)
    }
    const { lastInsertRowid } = sqlite
      .prepare(
        "INSERT INTO resident_code_batches (relay_url, relay_id, label, count, created_at, created_by) VALUES ('https://relais.example.fr', 7, 'Foyers', 1, ?, 'Secrétariat')",
      )
      .run(AT)
    sqlite.prepare("INSERT INTO resident_codes (batch_id, position, code) VALUES (?, 0, 'K7QD-M3XP-ABCD')").run(lastInsertRowid)
    const row = sqlite.prepare('SELECT revoked_at AS revoked FROM resident_code_batches').get()
    if (JSON.stringify(row) !== '{"revoked":null}') throw new Error(`Lot mal initialisé : ${JSON.stringify(row)}`)
    let refused = false
    try {
      sqlite.prepare("INSERT INTO resident_codes (batch_id, position, code) VALUES (999, 0, 'AAAA-BBBB-CCCC')").run()
    } catch {
      refused = true
    }
    if (!refused) throw new Error('Code sans lot accepté')
  },
}
