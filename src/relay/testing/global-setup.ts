/**
 * Vitest global setup of the relay suite: one PostgreSQL cluster (started here, stopped at the end) and one migrated
 * PGlite folder that each test's relay copies. Without PostgreSQL the run fails and says what to install.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openRelayDatabase } from '../db/open'
import { startPostgres } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    relayDatabases: { pgliteTemplate: string; postgresUrl: string }
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgres()
  const template = mkdtempSync(join(tmpdir(), 'relay-template-'))
  const database = await openRelayDatabase({ databaseUrl: null, dataDir: template })
  await database.close()
  project.provide('relayDatabases', { pgliteTemplate: template, postgresUrl: cluster.url() })
  return () => {
    cluster.stop()
    rmSync(template, { recursive: true, force: true })
  }
}
