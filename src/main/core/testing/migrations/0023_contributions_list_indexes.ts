import { AT, seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/** Indexes only: the contributions are kept, and the counts' indexes are there, the received_at ones gone. */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialAndDiagnostic(sqlite)
    const insert = sqlite.prepare(
      "INSERT INTO contributions (id, relay_url, relay_id, relay_seq, kind, topic, title, body, status, moderation, created_at, updated_at, received_at) VALUES (?, 'https://relais.example.fr', ?, ?, ?, 'voirie', ?, 'Rue des Écoles', 'recue', 'en_attente', ?, ?, ?)",
    )
    insert.run(1, 7, 3, 'besoin', 'Trottoir abîmé', AT, AT, AT)
    insert.run(2, 8, 4, 'proposition', 'Banc cassé', AT, AT, AT)
  },
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const besoins = sqlite
      .prepare("SELECT id FROM contributions INDEXED BY contributions_kind_topic WHERE kind = 'besoin' AND topic = 'voirie'")
      .all() as { id: number }[]
    if (besoins.map((row) => row.id).join(',') !== '1') throw new Error('Contributions perdues après la mise à jour')
    const indexes = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contributions'").all() as { name: string }[]).map(
      (row) => row.name,
    )
    for (const name of ['contributions_kind_topic', 'contributions_created', 'contributions_status'])
      if (!indexes.includes(name)) throw new Error(`Index manquant : ${name}`)
    if (indexes.includes('contributions_received')) throw new Error('contributions_received aurait dû disparaître')
    const counted = (sqlite.prepare('SELECT sum(n) AS n FROM contribution_counts').get() as { n: number }).n
    if (counted !== 2) throw new Error(`Comptes faux après la mise à jour : ${counted}`)
  },
}
