import { seedInitialSchema, initialDataDifferences, type MigrationFixture } from './seeds'

/** Diagnostic tables (created empty) and mandates.installed_on (added, null for the existing mandate). */
export const fixture: MigrationFixture = {
  seed: (sqlite) => seedInitialSchema(sqlite),
  verify: (sqlite) => {
    const lost = initialDataDifferences(sqlite)
    if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
    const mandate = sqlite.prepare('SELECT installed_on AS installedOn FROM mandates WHERE id = 1').get() as { installedOn: unknown }
    if (mandate.installedOn !== null) throw new Error(`installed_on devrait être null, il vaut ${JSON.stringify(mandate.installedOn)}`)
    for (const table of [
      'commune_profile',
      'theme_assignments',
      'campaigns',
      'answers',
      'evidence',
      'snapshots',
      'citizen_inputs',
      'peer_benchmarks',
    ]) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }
      if (n !== 0) throw new Error(`La table ${table} devrait être vide après la migration (${n} lignes).`)
    }
    // The new cascade works on the migrated data: a theme link follows its member.
    sqlite.prepare("INSERT INTO theme_assignments (member_id, theme_id, link) VALUES (2, 'voirie', 'delegation')").run()
    sqlite.prepare('DELETE FROM theme_assignments WHERE member_id = 2').run()
  },
}
