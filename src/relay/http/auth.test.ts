/** The desktop's token and its rate limit, checked in one statement: who is counted, and when a 401 or a 429 comes. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { addCommune } from '../communes/queries'
import { queryRows } from '../db/open'
import { LIMITS } from '../security/rate-limit'
import { hashSecret, randomToken } from '../security/secrets'
import { openTestDatabase } from '../testing/database'
import { DRIVERS } from '../testing/relay-process'
import { communeOfToken } from './api'
import { RelayHttpError } from './errors'

const keyOf = (token: string) => `${LIMITS.apiPerToken.name}:${hashSecret(token).slice(0, 32)}`

describe.each(DRIVERS)('a desktop token on %s', (driver) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    database = await openTestDatabase(driver, inject('relayDatabases'))
  })
  afterAll(async () => {
    await database?.dispose()
  })

  it('names its commune and counts each call; an unknown, revoked or disabled one is refused and never counted', async () => {
    const db = database.db
    await addCommune(db, '10145')
    await addCommune(db, '10290')
    const [valid, revoked, disabled, unknown] = [randomToken(), randomToken(), randomToken(), randomToken()]
    await db.execute(sql`INSERT INTO desktop_tokens (token_hash, commune_code, revoked_at) VALUES
      (${hashSecret(valid)}, '10145', NULL), (${hashSecret(revoked)}, '10145', now()), (${hashSecret(disabled)}, '10290', NULL)`)
    await db.execute(sql`UPDATE communes SET disabled_at = now() WHERE code = '10290'`)
    const count = async (token: string) =>
      (await queryRows<{ count: number }>(db, sql`SELECT count FROM rate_limits WHERE key = ${keyOf(token)}`))[0]?.count ?? null

    expect(await communeOfToken(db, valid, 1)).toBe('10145')
    expect(await communeOfToken(db, valid, 1)).toBe('10145')
    expect(await count(valid)).toBe(2)
    for (const token of [revoked, disabled, unknown]) {
      await expect(communeOfToken(db, token, 1)).rejects.toMatchObject({ status: 401, code: 'jeton_invalide' })
      expect(await count(token)).toBeNull()
    }

    // At the limit (20,000 a minute), the next call is refused; a new window starts afresh.
    await db.execute(sql`UPDATE rate_limits SET count = ${LIMITS.apiPerToken.max} WHERE key = ${keyOf(valid)}`)
    const refused = await communeOfToken(db, valid, 1).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(RelayHttpError)
    expect(refused).toMatchObject({ status: 429, code: 'trop_de_requetes' })
    expect(await communeOfToken(db, valid, 2)).toBe('10145')
    await db.execute(sql`UPDATE rate_limits SET window_start = now() - interval '61 seconds' WHERE key = ${keyOf(valid)}`)
    expect(await communeOfToken(db, valid, 1)).toBe('10145')
    expect(await count(valid)).toBe(1)
  })
})
