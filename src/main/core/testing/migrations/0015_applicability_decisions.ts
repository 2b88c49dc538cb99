import { AT, seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/**
 * applicability_decisions (new, empty): the upgrade decides nothing for the commune, keeps every answer and campaign,
 * and one criterion cannot carry two decisions.
 */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const count = sqlite.prepare('SELECT count(*) AS n FROM applicability_decisions').get() as { n: number }
    if (count.n !== 0) throw new Error(`Décisions d’applicabilité inventées : ${count.n}`)
    const insert = sqlite.prepare(
      "INSERT INTO applicability_decisions (criterion_id, applies, reason, decided_by, decided_at) VALUES ('urbanisme.plu', 1, 'PLU en révision', 'Claire', ?)",
    )
    insert.run(AT)
    let duplicated = false
    try {
      insert.run(AT)
    } catch {
      duplicated = true
    }
    if (!duplicated) throw new Error('Un même critère a reçu deux décisions d’applicabilité')
  },
}
