import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openRelayDatabase, type RelayDatabase } from '../db/open'
import { newPostgresDatabase, type Databases, type Driver } from './relay-process'

/** A migrated database in this process (for tests of queries and jobs): a PGlite copy, or a new PostgreSQL database. */
export async function openTestDatabase(driver: Driver, databases: Databases): Promise<RelayDatabase & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-unit-'))
  if (driver === 'pglite') cpSync(databases.pgliteTemplate, dir, { recursive: true })
  const database = await openRelayDatabase({
    databaseUrl: driver === 'postgres' ? await newPostgresDatabase(databases.postgresUrl) : null,
    dataDir: dir,
  })
  return {
    ...database,
    async dispose() {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
