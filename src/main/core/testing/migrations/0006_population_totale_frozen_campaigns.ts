import { seedInitialSchema, seedDiagnosticSchema, initialDataDifferences, diagnosticDataDifferences, type MigrationFixture } from './seeds'

/** commune.population_totale(_year) and campaigns.frozen added, null: the municipale stands in until the commune enters its population totale; closed campaigns are frozen by the application on its next start. */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialSchema(sqlite)
    seedDiagnosticSchema(sqlite)
    sqlite.prepare("UPDATE campaigns SET closed_at = '2026-06-30T10:00:00.000Z' WHERE id = 1").run()
  },
  verify: (sqlite) => {
    const lost = [...initialDataDifferences(sqlite), ...diagnosticDataDifferences(sqlite).filter((d) => !d.sql.includes('FROM campaigns'))]
    if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
    const commune = sqlite.prepare('SELECT population, population_totale AS t, population_totale_year AS y FROM commune WHERE id = 1').get()
    const campaign = sqlite.prepare('SELECT name, closed_at AS c, frozen FROM campaigns WHERE id = 1').get()
    const expected = {
      commune: (sqlite.prepare('SELECT population FROM commune WHERE id = 1').get() as { population: number | null }).population,
    }
    if (JSON.stringify(commune) !== JSON.stringify({ population: expected.commune, t: null, y: null })) {
      throw new Error(`Commune après migration : ${JSON.stringify(commune)}`)
    }
    if (JSON.stringify(campaign) !== JSON.stringify({ name: 'Diagnostic 2026', c: '2026-06-30T10:00:00.000Z', frozen: null })) {
      throw new Error(`Campagne après migration : ${JSON.stringify(campaign)}`)
    }
  },
}
