import { seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/**
 * peer_benchmarks gains q1 and q3 (nullable): a median received before keeps its figure and its count, and gets no
 * invented quartiles.
 */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const row = sqlite.prepare('SELECT median, communes, q1, q3 FROM peer_benchmarks WHERE id = 1').get()
    if (JSON.stringify(row) !== '{"median":61.5,"communes":120,"q1":null,"q3":null}') throw new Error(`Médiane modifiée : ${JSON.stringify(row)}`)
  },
}
