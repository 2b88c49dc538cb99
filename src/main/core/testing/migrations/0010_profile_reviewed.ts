import { AT, seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/**
 * commune_profile.reviewed_at (added): a profile saved before was saved by someone in Paramètres, so it counts as
 * reviewed on the day it was saved; the answers stay as they were.
 */
export const fixture: MigrationFixture = {
  seed: seedInitialAndDiagnostic,
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const profile = sqlite.prepare('SELECT answers, updated_at AS u, reviewed_at AS r FROM commune_profile WHERE id = 1').get()
    if (JSON.stringify(profile) !== JSON.stringify({ answers: '{"ecole":true}', u: AT, r: AT }))
      throw new Error(`Profil après migration : ${JSON.stringify(profile)}`)
  },
}
