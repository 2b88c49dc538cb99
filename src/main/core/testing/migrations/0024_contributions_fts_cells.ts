import { AT, seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/**
 * The search index is rebuilt (rowid = id * 16 + status × moderation cell, kind and topic as facet tokens): the
 * contributions are kept and found again by their words, counted per cell by the index, and follow a change of status.
 */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialAndDiagnostic(sqlite)
    const insert = sqlite.prepare(
      "INSERT INTO contributions (id, relay_url, relay_id, relay_seq, kind, topic, title, body, address, status, moderation, created_at, updated_at, received_at) VALUES (?, 'https://relais.example.fr', ?, ?, ?, ?, ?, 'Devant l’école, cœur du bourg', ?, ?, ?, ?, ?, ?)",
    )
    insert.run(1, 7, 3, 'besoin', 'voirie', 'Trottoir abîmé', '3 rue des Écoles', 'recue', 'en_attente', AT, AT, AT)
    insert.run(2, 8, 4, 'proposition', 'cadre_de_vie', 'Banc cassé', null, 'retenue', 'publiee', AT, AT, AT)
  },
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const found = (match: string) =>
      (sqlite.prepare('SELECT rowid >> 4 AS id, rowid & 15 AS cell FROM contributions_fts WHERE contributions_fts MATCH ? ORDER BY rowid').all(match) as {
        id: number
        cell: number
      }[])
        .map((row) => `${row.id}:${row.cell}`)
        .join(',')
    // recue × en_attente is cell 0, retenue × publiee cell 2 × 3 + 1 = 7.
    if (found('"coeur"*') !== '1:0,2:7') throw new Error(`Recherche perdue après la mise à jour : ${found('"coeur"*')}`)
    if (found('"ecole"* AND facets : "kproposition"') !== '2:7') throw new Error('Filtre du type absent de l’index')
    if (found('"ecole"* AND facets : "tcadredevie"') !== '2:7') throw new Error('Filtre du thème absent de l’index')
    if (found('"ecoles"*') !== '1:0') throw new Error('Adresse absente de l’index')
    sqlite.prepare("UPDATE contributions SET status = 'a_l_etude' WHERE id = 1").run()
    if (found('"trottoir"*') !== '1:3') throw new Error('Un changement de statut ne suit pas dans l’index')
    sqlite.prepare('DELETE FROM contributions WHERE id = 2').run()
    if (found('"coeur"*') !== '1:3') throw new Error('Index non vidé après suppression')
    sqlite.prepare("INSERT INTO contributions_fts (contributions_fts) VALUES ('integrity-check')").run()
  },
}
