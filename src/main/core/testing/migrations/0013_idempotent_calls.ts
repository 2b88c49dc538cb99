import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/** idempotent_calls (new, empty): no creation is taken for a repeat after the upgrade; the data is kept. */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const rows = sqlite.prepare('SELECT count(*) AS n FROM idempotent_calls').get() as { n: number }
    if (rows.n !== 0) throw new Error(`Créations inventées : ${rows.n}`)
  },
}
