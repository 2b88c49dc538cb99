import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

const AT = '2026-03-20T18:00:00.000Z'

/**
 * contributions, contribution_photos, poll_answers and portal_pull (new, empty): nothing is invented by the upgrade;
 * the same relay id cannot be stored twice, and a contribution's photos follow it when it is deleted.
 */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const counts = sqlite
      .prepare(
        'SELECT (SELECT count(*) FROM contributions) AS c, (SELECT count(*) FROM contribution_photos) AS p, (SELECT count(*) FROM poll_answers) AS a, (SELECT count(*) FROM portal_pull) AS s',
      )
      .get()
    if (JSON.stringify(counts) !== '{"c":0,"p":0,"a":0,"s":0}') throw new Error(`Contributions inventées : ${JSON.stringify(counts)}`)
    const insert = sqlite.prepare(
      "INSERT INTO contributions (relay_url, relay_id, relay_seq, kind, body, status, moderation, created_at, updated_at, received_at) VALUES ('https://relais.example.fr', 7, 1, 'besoin', 'Nid-de-poule', 'recue', 'en_attente', ?, ?, ?)",
    )
    const { lastInsertRowid } = insert.run(AT, AT, AT)
    let duplicated = false
    try {
      insert.run(AT, AT, AT)
    } catch {
      duplicated = true
    }
    if (!duplicated) throw new Error('La même contribution du relais a pu être enregistrée deux fois')
    sqlite
      .prepare('INSERT INTO contribution_photos (contribution_id, relay_photo_id, position, width, height, bytes) VALUES (?, 3, 0, 10, 10, 100)')
      .run(lastInsertRowid)
    sqlite.prepare('DELETE FROM contributions WHERE id = ?').run(lastInsertRowid)
    const left = sqlite.prepare('SELECT count(*) AS n FROM contribution_photos').get() as { n: number }
    if (left.n !== 0) throw new Error('Photo restée sans sa contribution')
  },
}
