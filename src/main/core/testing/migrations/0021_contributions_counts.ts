import { AT, seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/**
 * contribution_counts (new, filled from what was pulled): contributions received before the upgrade are kept as they
 * were and counted per status and moderation state; later inserts, changes and removals keep the counts exact.
 */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialAndDiagnostic(sqlite)
    const insert = sqlite.prepare(
      "INSERT INTO contributions (id, relay_url, relay_id, relay_seq, kind, title, body, status, moderation, created_at, updated_at, received_at) VALUES (?, 'https://relais.example.fr', ?, ?, 'besoin', ?, 'Devant l’école', ?, ?, ?, ?, ?)",
    )
    insert.run(1, 7, 3, 'Trottoir abîmé', 'recue', 'en_attente', AT, AT, AT)
    insert.run(2, 8, 4, 'Banc cassé', 'recue', 'en_attente', AT, AT, AT)
    insert.run(3, 9, 5, 'Lampadaire', 'retenue', 'publiee', AT, AT, AT)
  },
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const titles = sqlite.prepare('SELECT title FROM contributions ORDER BY id').all() as { title: string }[]
    if (titles.map((row) => row.title).join('|') !== 'Trottoir abîmé|Banc cassé|Lampadaire') throw new Error(`Contributions modifiées : ${JSON.stringify(titles)}`)
    const counts = () =>
      JSON.stringify(sqlite.prepare('SELECT status, moderation, n FROM contribution_counts WHERE n > 0 ORDER BY status, moderation').all())
    const expect = (rows: [string, string, number][], when: string) => {
      const wanted = JSON.stringify(rows.map(([status, moderation, n]) => ({ status, moderation, n })))
      if (counts() !== wanted) throw new Error(`Comptes faux ${when} : ${counts()}`)
    }
    expect(
      [
        ['recue', 'en_attente', 2],
        ['retenue', 'publiee', 1],
      ],
      'après la mise à jour',
    )
    sqlite.prepare("UPDATE contributions SET status = 'a_l_etude', moderation = 'publiee' WHERE id = 1").run()
    sqlite.prepare("UPDATE contributions SET title = 'Banc neuf' WHERE id = 2").run()
    sqlite.prepare('DELETE FROM contributions WHERE id = 3').run()
    sqlite
      .prepare(
        "INSERT INTO contributions (id, relay_url, relay_id, relay_seq, kind, body, status, moderation, created_at, updated_at, received_at) VALUES (4, 'https://relais.example.fr', 10, 6, 'proposition', 'Un jardin', 'recue', 'en_attente', ?, ?, ?)",
      )
      .run(AT, AT, AT)
    expect(
      [
        ['a_l_etude', 'publiee', 1],
        ['recue', 'en_attente', 2],
      ],
      'après des changements',
    )
  },
}
