import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, AT, type MigrationFixture } from './seeds'

/**
 * The Citoyens page's indexes and search: contributions pulled before the upgrade are kept as they were and found by
 * their words (ligatures and accents ignored); later writes keep the index in step; update_sent_at starts empty.
 */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialAndDiagnostic(sqlite)
    sqlite
      .prepare(
        "INSERT INTO contributions (id, relay_url, relay_id, relay_seq, kind, author_display_name, title, body, address, status, moderation, created_at, updated_at, received_at, seen_at) VALUES (1, 'https://relais.example.fr', 7, 3, 'besoin', 'Lætitia M.', 'Trottoir abîmé', 'Devant l’école, cœur du bourg', '12 rue de l’Église', 'recue', 'en_attente', ?, ?, ?, ?)",
      )
      .run(AT, AT, AT, AT)
  },
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const row = sqlite.prepare('SELECT title, body, seen_at AS seen, update_sent_at AS sent FROM contributions WHERE id = 1').get()
    if (JSON.stringify(row) !== JSON.stringify({ title: 'Trottoir abîmé', body: 'Devant l’école, cœur du bourg', seen: AT, sent: null }))
      throw new Error(`Contribution modifiée : ${JSON.stringify(row)}`)
    const hits = (q: string) => (sqlite.prepare('SELECT rowid >> 4 AS rowid FROM contributions_fts WHERE contributions_fts MATCH ?').all(q) as { rowid: number }[]).length
    const found = { coeur: hits('"coeur"*'), abime: hits('"abime"*'), eglise: hits('"eglise"*'), laetitia: hits('"laetitia"*') }
    if (JSON.stringify(found) !== '{"coeur":1,"abime":1,"eglise":1,"laetitia":1}') throw new Error(`Index de recherche : ${JSON.stringify(found)}`)
    sqlite.prepare("UPDATE contributions SET body = 'Sœur Anne' WHERE id = 1").run()
    if (hits('"coeur"*') !== 0 || hits('"soeur"*') !== 1) throw new Error('Texte modifié mal indexé.')
    sqlite.prepare('DELETE FROM contributions WHERE id = 1').run()
    if (hits('"soeur"*') + hits('"abime"*') !== 0) throw new Error('Index non vidé après suppression.')
  },
}
