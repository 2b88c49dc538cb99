import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/** portal_connection (new, empty): the commune is not connected to any relay after the upgrade; nothing else moves. */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const rows = sqlite.prepare('SELECT COUNT(*) AS n FROM portal_connection').get() as { n: number }
    if (rows.n !== 0) throw new Error(`Connexion au portail inventée : ${rows.n}`)
  },
}
