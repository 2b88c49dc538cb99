import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { addCommune } from '../communes/queries'
import { openRelayDatabase, type RelayDatabase } from '../db/open'
import { DRIVERS, newPostgresDatabase } from '../testing/relay-process'
import { consumeMagicLink, createMagicLink } from './queries'

describe.each(DRIVERS)('magic links on %s', (driver) => {
  let database: RelayDatabase
  let dir: string
  beforeAll(async () => {
    const { pgliteTemplate, postgresUrl } = inject('relayDatabases')
    dir = mkdtempSync(join(tmpdir(), 'relay-unit-'))
    if (driver === 'pglite') cpSync(pgliteTemplate, dir, { recursive: true })
    database = await openRelayDatabase({ databaseUrl: driver === 'postgres' ? await newPostgresDatabase(postgresUrl) : null, dataDir: dir })
    await addCommune(database.db, '10145')
  })
  afterAll(async () => {
    await database?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps only the hash, and one atomic update consumes a link once even when clicked many times at once', async () => {
    const token = await createMagicLink(database.db, '10145', 'a@example.fr')
    const stored = await database.db.execute(sql`SELECT token_hash FROM magic_links`)
    expect(JSON.stringify(stored)).not.toContain(token)
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeMagicLink(database.db, '10145', token)))
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await consumeMagicLink(database.db, '10145', token)).toBeNull()
  })

  it('refuses an expired link and a link of another commune', async () => {
    const token = await createMagicLink(database.db, '10145', 'b@example.fr')
    expect(await consumeMagicLink(database.db, '10290', token)).toBeNull()
    await database.db.execute(sql`UPDATE magic_links SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`)
    expect(await consumeMagicLink(database.db, '10145', token)).toBeNull()
  })
})
