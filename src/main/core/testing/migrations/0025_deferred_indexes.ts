import { deferIndexes, restoreDeferredIndexes } from '../../db/deferred-indexes'
import { seedInitialAndDiagnostic, seedTwoContributions, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/**
 * deferred_indexes (new, empty): contributions pulled before the upgrade are kept; on the upgraded file the list's
 * indexes can be set aside and come back exactly as they were.
 */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialAndDiagnostic(sqlite)
    seedTwoContributions(sqlite)
  },
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const titles = (sqlite.prepare('SELECT title FROM contributions ORDER BY id').all() as { title: string }[]).map((row) => row.title)
    if (titles.join('|') !== 'Trottoir abîmé|Banc cassé') throw new Error(`Contributions modifiées : ${titles.join('|')}`)
    const indexes = () => JSON.stringify(sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contributions' ORDER BY name").all())
    const before = indexes()
    const setAside = deferIndexes(sqlite, 'contributions', ['contributions_duplicate_of'])
    if (setAside.length < 5 || setAside.includes('contributions_relay_id')) throw new Error(`Index mis de côté : ${setAside.join(', ')}`)
    if (restoreDeferredIndexes(sqlite) !== setAside.length || indexes() !== before) throw new Error('Index non reconstruits à l’identique')
    if ((sqlite.prepare('SELECT count(*) AS n FROM deferred_indexes').get() as { n: number }).n !== 0) throw new Error('Index encore notés de côté')
  },
}
