import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { addCommune } from '../communes/queries'
import { openTestDatabase } from '../testing/database'
import { DRIVERS } from '../testing/relay-process'
import { consumeMagicLink, createMagicLink } from './queries'

describe.each(DRIVERS)('magic links on %s', (driver) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    database = await openTestDatabase(driver, inject('relayDatabases'))
    await addCommune(database.db, '10145')
  })
  afterAll(async () => {
    await database?.dispose()
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
