import { AT, seedInitialAndDiagnostic, seedTwoContributions, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/**
 * contributions_bulk_insert (new, empty) and two indexes: contributions pulled before the upgrade are kept, found by
 * the search and counted; an insert outside a pulled page is still indexed and counted by the triggers.
 */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialAndDiagnostic(sqlite)
    seedTwoContributions(sqlite)
    sqlite.prepare('UPDATE contributions SET duplicate_of_id = 1 WHERE id = 2').run()
  },
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const found = (word: string) =>
      (sqlite.prepare('SELECT rowid >> 4 AS rowid FROM contributions_fts WHERE contributions_fts MATCH ? ORDER BY rowid').all(word) as { rowid: number }[])
        .map((row) => row.rowid)
        .join(',')
    const counted = () => (sqlite.prepare("SELECT n FROM contribution_counts WHERE status = 'recue' AND moderation = 'en_attente'").get() as { n: number }).n
    if (found('trottoir') !== '1' || found('ecole') !== '1,2') throw new Error('Recherche perdue après la mise à jour')
    if (counted() !== 2) throw new Error(`Comptes faux après la mise à jour : ${counted()}`)
    const links = sqlite.prepare('SELECT duplicate_of_id AS d FROM contributions WHERE id = 2').get() as { d: number }
    if (links.d !== 1) throw new Error('Doublon perdu après la mise à jour')
    if ((sqlite.prepare('SELECT count(*) AS n FROM contributions_bulk_insert').get() as { n: number }).n !== 0) throw new Error('Marqueur de page présent')
    sqlite
      .prepare(
        "INSERT INTO contributions (id, relay_url, relay_id, relay_seq, kind, body, status, moderation, created_at, updated_at, received_at) VALUES (3, 'https://relais.example.fr', 9, 5, 'proposition', 'Un jardin', 'recue', 'en_attente', ?, ?, ?)",
      )
      .run(AT, AT, AT)
    if (found('jardin') !== '3' || counted() !== 3) throw new Error('Une contribution ajoutée hors d’un tirage n’est ni cherchable ni comptée')
  },
}
