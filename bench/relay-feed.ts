/**
 * `tsx bench/relay-feed.ts` (RELAY_FEED_ROWS, RELAY_FEED_DRIVERS=pglite,postgres): where a page of the desktop's feed
 * goes, layer by layer, on a relay started in this process: the token check, the rate limit, numbering, the page's
 * SQL, the relay's JSON handling, then whole HTTP pages on 127.0.0.1 (with and without gzip) and the client's parse.
 * Numbers only: nothing is asserted. Type-checked with the relay (src/relay/tsconfig.json).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { pullOutput } from '../src/shared/relay/api'
import { readConfig } from '../src/relay/config'
import { newPairingCode } from '../src/relay/communes/queries'
import { communeOfToken } from '../src/relay/http/api'
import { pullPage } from '../src/relay/inputs/queries'
import { startRelay } from '../src/relay/server'
import { startPostgres } from '../src/relay/testing/postgres'
import { newPostgresDatabase, type Driver } from '../src/relay/testing/relay-process'
import { SEED_COMMUNE, seedContributions } from './relay-seed'

const ROWS = Number(process.env.RELAY_FEED_ROWS ?? 20_000)
const LIMIT = 500
const DRIVERS = (process.env.RELAY_FEED_DRIVERS ?? 'pglite,postgres').split(',') as Driver[]

/** Mean ms of `fn` over every page position (after = 0, 500, …), after one warm-up round. */
async function perPage(label: string, fn: (after: number) => Promise<unknown> | unknown): Promise<number> {
  const afters = Array.from({ length: Math.ceil(ROWS / LIMIT) }, (_, i) => i * LIMIT)
  for (const after of afters.slice(0, 5)) await fn(after)
  const start = performance.now()
  for (const after of afters) await fn(after)
  const ms = (performance.now() - start) / afters.length
  console.log(`  ${label.padEnd(58)} ${ms.toFixed(2).padStart(7)} ms/page`)
  return ms
}

async function benchDriver(driver: Driver, postgresUrl: string | null): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-feed-'))
  const databaseUrl = driver === 'postgres' ? await newPostgresDatabase(postgresUrl!) : null
  const config = { ...readConfig({}), port: 0, host: '127.0.0.1', dataDir, databaseUrl, jobs: false, rateLimitFactor: 10_000 }
  const relay = await startRelay(config, () => {})
  try {
    const db = relay.context.database.db
    await seedContributions(db, ROWS)
    const code = (await newPairingCode(db, SEED_COMMUNE)).pairingCode
    const paired = await fetch(`${relay.url}/api/v1/pairing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    })
    const token = ((await paired.json()) as { token: string }).token
    console.log(`\n${driver} — ${ROWS.toLocaleString('fr-FR')} contributions, pages de ${LIMIT}`)

    await perPage('jeton + limite de débit (une requête)', () => communeOfToken(db, token, 10_000))
    await perPage('page : une requête (texte JSON écrit par la base)', (after) => pullPage(db, SEED_COMMUNE, after, LIMIT))
    const text = await pullPage(db, SEED_COMMUNE, 0, LIMIT)
    const parsed = JSON.parse(text) as unknown
    // What the relay no longer does for a page, and the two gzip levels, for the record.
    await perPage('(avant) JSON.parse du texte de la base', () => JSON.parse(text))
    await perPage('(avant) zod pullOutput.parse', () => pullOutput.parse(parsed))
    await perPage(`(avant) JSON.stringify (${Math.round(text.length / 1024)} Kio)`, () => JSON.stringify(parsed))
    await perPage(`gzip niveau 6, défaut (${Math.round(gzipSync(text).length / 1024)} Kio)`, () => gzipSync(text))
    await perPage(`gzip niveau 1 (${Math.round(gzipSync(text, { level: 1 }).length / 1024)} Kio)`, () => gzipSync(text, { level: 1 }))
    await perPage('JSON.parse côté client', () => JSON.parse(text))

    for (const encoding of ['gzip, deflate, br', 'identity']) {
      await perPage(`HTTP page entière, Accept-Encoding: ${encoding}`, async (after) => {
        const response = await fetch(`${relay.url}/api/v1/inputs?after=${after}&limit=${LIMIT}`, {
          headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding },
        })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        return JSON.parse(await response.text())
      })
    }
    const whole = performance.now()
    let after = 0
    for (;;) {
      const page = (await (
        await fetch(`${relay.url}/api/v1/inputs?after=${after}&limit=${LIMIT}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        nextCursor: number
        hasMore: boolean
      }
      after = page.nextCursor
      if (!page.hasMore) break
    }
    console.log(`  tirage complet (fetch().json(), en-têtes par défaut) : ${((performance.now() - whole) / 1000).toFixed(2)} s`)
  } finally {
    await relay.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(
    `Flux du relais — ${cpus().length} cœurs, charge ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  const cluster = DRIVERS.includes('postgres') ? await startPostgres({ durable: true }) : null
  try {
    for (const driver of DRIVERS) await benchDriver(driver, cluster?.url() ?? null)
  } finally {
    cluster?.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
