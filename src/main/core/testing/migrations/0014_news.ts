import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

const AT = '2026-03-20T18:00:00.000Z'

/** news (new, empty): no item is invented by the upgrade; an item without its topic or date is refused. */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const { n } = sqlite.prepare('SELECT count(*) AS n FROM news').get() as { n: number }
    if (n !== 0) throw new Error(`Actualités inventées : ${n}`)
    sqlite
      .prepare(
        "INSERT INTO news (title, body, topic, published_on, created_at, created_by, updated_at) VALUES ('Travaux', 'Rue barrée', 'voirie', '2026-03-21', ?, 'Secrétariat', ?)",
      )
      .run(AT, AT)
    const row = sqlite.prepare('SELECT is_alert AS alert, alert_until AS until FROM news').get()
    if (JSON.stringify(row) !== '{"alert":0,"until":null}') throw new Error(`Actualité mal initialisée : ${JSON.stringify(row)}`)
    let refused = false
    try {
      sqlite.prepare("INSERT INTO news (title, body, created_at, created_by, updated_at) VALUES ('x', 'y', ?, 'S', ?)").run(AT, AT)
    } catch {
      refused = true
    }
    if (!refused) throw new Error('Actualité sans thème ni date acceptée')
  },
}
