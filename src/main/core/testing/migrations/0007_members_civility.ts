import { initialDataDifferences, seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/** members.civility (added): null for everyone already there — nobody's civility is guessed — and the rest intact. */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const civilities = sqlite.prepare('SELECT id, civility FROM members ORDER BY id').all() as { id: number; civility: unknown }[]
    if (civilities.length === 0 || civilities.some((m) => m.civility !== null))
      throw new Error(`Civilités inventées : ${JSON.stringify(civilities)}`)
    // A civility can be given afterwards, and the person keeps everything else.
    sqlite.prepare("UPDATE members SET civility = 'madame' WHERE id = 1").run()
    const after = initialDataDifferences(sqlite)
    if (after.length > 0) throw new Error(`Données modifiées : ${JSON.stringify(after)}`)
  },
}
