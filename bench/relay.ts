/**
 * `npm run bench -- relay` (run by bench/run.ts in a process of its own): the relay under a steady load on 127.0.0.1,
 * on PGlite and on PostgreSQL (a local cluster with its default, durable settings).
 *  - submitting a proposal and casting a vote (200 signed-in citizens, one after the other), each as a ratio to a bare
 *    Hono route (@hono/node-server, same form body) measured in the same run, with p50/p99 latency (autocannon,
 *    bounded in time);
 *  - the time to pull 100,000 contributions through the API, in pages of 1,000, as the desktop does.
 * Type-checked with the relay (src/relay/tsconfig.json). Numbers only: nothing is asserted.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import { addCommune } from '../src/relay/communes/queries'
import { openRelayDatabase, queryRows, type RelayDb } from '../src/relay/db/open'
import { TestCitizen } from '../src/relay/testing/citizen'
import { vote } from '../src/relay/testing/fixtures'
import { startPostgres } from '../src/relay/testing/postgres'
import { newPostgresDatabase, REPO_ROOT, startRelayProcess, type Driver, type RelayProcess } from '../src/relay/testing/relay-process'
import { startSmtp, type TestSmtp } from '../src/relay/testing/smtp'

const DURATION_S = Number(process.env.RELAY_BENCH_SECONDS ?? 10)
const CONNECTIONS = 50
const CITIZENS = 200
const PULL_ROWS = Number(process.env.RELAY_BENCH_PULL_ROWS ?? 100_000)
/** RELAY_BENCH_DRIVERS=postgres measures one driver only (while profiling). */
/** RELAY_BENCH_POOL: the relay's PostgreSQL pool size (RELAY_DATABASE_POOL), 20 by default. */
const POOL = process.env.RELAY_BENCH_POOL ?? '20'
const DRIVERS = (process.env.RELAY_BENCH_DRIVERS ?? 'pglite,postgres').split(',') as Driver[]

interface LoadResult {
  label: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Answers 4xx or 5xx. */
  non2xx: number
  errors: number
  /** CPU used by this process (autocannon's load generator) during the run, in % of one core. */
  loadGeneratorCpu: number
}

function load(label: string, url: string, requests: autocannon.Request[]): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage()
  const wallBefore = performance.now()
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests }, (error, result) => {
      if (error) return reject(error)
      resolve({
        label,
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        // A proposal answers 303 (to « Mes contributions »): only 4xx, 5xx and network errors are failures.
        non2xx: result['4xx'] + result['5xx'],
        errors: result.errors + result.timeouts,
        loadGeneratorCpu: (() => {
          const used = process.cpuUsage(cpuBefore)
          return ((used.user + used.system) / 1000 / (performance.now() - wallBefore)) * 100
        })(),
      })
    })
  })
}

/** A bare Hono route on @hono/node-server in its own process: reads the same form body, answers a small page. */
async function startBareHono(): Promise<{ url: string; stop(): void }> {
  const code = `
    const { Hono } = require('hono'); const { serve } = require('@hono/node-server')
    const app = new Hono()
    app.post('/bare', async (c) => { const body = await c.req.parseBody(); return c.html('<p>ok ' + Object.keys(body).length + '</p>', 200) })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log('BARE_URL=http://127.0.0.1:' + info.port))`
  const child = spawn(process.execPath, ['-e', code], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /BARE_URL=(\S+)/.exec(out)
      if (match) resolve(match[1]!)
    })
  })
  return { url, stop: () => child.kill() }
}

/** 100,000 contributions of one citizen, written straight into the database with their feed positions. */
async function seed(db: RelayDb): Promise<void> {
  await addCommune(db, '10145')
  const [citizen] = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO citizens (commune_code, email, pseudonymous_id, display_name) VALUES ('10145', 'banc@example.fr', 'hab-banc', 'Banc') RETURNING id`,
  )
  await db.execute(sql`
    INSERT INTO inputs (commune_code, kind, citizen_id, title, body, topic, address, seq, status, moderation)
    SELECT '10145', CASE WHEN g % 3 = 0 THEN 'besoin' ELSE 'proposition' END, ${citizen!.id}, 'Idée n° ' || g,
      repeat('Une proposition détaillée pour la commune. ', 8), 'voirie', g || ' rue des Écoles', g, 'recue', 'en_attente'
    FROM generate_series(1, ${PULL_ROWS}) g`)
  await db.execute(sql`UPDATE communes SET last_seq = ${PULL_ROWS} WHERE code = '10145'`)
  await db.execute(sql`ANALYZE`)
}

async function pullEverything(relay: RelayProcess, token: string): Promise<{ ms: number; rows: number }> {
  const start = performance.now()
  let after = 0
  let rows = 0
  for (;;) {
    const page = (await (await relay.api(`/api/v1/inputs?after=${after}&limit=1000`, { token })).json()) as {
      items: unknown[]
      nextCursor: number
      hasMore: boolean
    }
    rows += page.items.length
    after = page.nextCursor
    if (!page.hasMore) break
  }
  return { ms: performance.now() - start, rows }
}

function formRequest(path: string, fields: () => Record<string, string>, headers: () => Record<string, string>): autocannon.Request {
  return {
    method: 'POST',
    path,
    setupRequest: (request) => ({
      ...request,
      headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields()).toString(),
    }),
  }
}

async function benchDriver(driver: Driver, smtp: TestSmtp, postgresUrl: string, bare: string) {
  const env = { RELAY_SMTP_URL: smtp.url, RELAY_RATE_LIMIT_FACTOR: '10000', RELAY_DATABASE_POOL: POOL }
  let relay: RelayProcess
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-'))
  if (driver === 'pglite') {
    const database = await openRelayDatabase({ databaseUrl: null, dataDir })
    await seed(database.db)
    await database.close()
    relay = await startRelayProcess('pglite', { pgliteTemplate: '', postgresUrl }, { dataDir, env })
  } else {
    const url = await newPostgresDatabase(postgresUrl)
    const database = await openRelayDatabase({ databaseUrl: url, dataDir })
    await seed(database.db)
    await database.close()
    relay = await startRelayProcess('postgres', { pgliteTemplate: '', postgresUrl }, { databaseUrl: url, env })
  }
  try {
    const code = (await relay.admin('commune', 'new-code', '10145')).at(-1)!
    const token = ((await (await relay.api('/api/v1/pairing', { method: 'POST', json: { code } })).json()) as { token: string }).token
    const pulled = await pullEverything(relay, token)
    await relay.api('/api/v1/polls/banc', { method: 'PUT', token, json: vote() })
    const citizens = Array.from({ length: CITIZENS }, () => new TestCitizen(relay, '10145'))
    for (let i = 0; i < CITIZENS; i += 50)
      await Promise.all(citizens.slice(i, i + 50).map((c, j) => c.signIn(smtp, `${driver}${i + j}@example.fr`, `Banc ${i + j}`)))
    const cookies = citizens.map((c) => c.cookieHeader())
    let next = 0
    const who = () => {
      const i = next++ % CITIZENS
      return { i, headers: { cookie: cookies[i]!, origin: relay.url } }
    }
    const rows: LoadResult[] = []
    let current = 0
    const baseline = await load(`route Hono nue (passe ${driver})`, bare, [
      formRequest(
        '/bare',
        () => ({ kind: 'proposition', topic: 'voirie', title: 'Banc', body: 'Texte.', _csrf: 'x' }),
        () => ({}),
      ),
    ])
    rows.push(baseline)
    rows.push(
      await load(`proposition (${driver})`, relay.url, [
        formRequest(
          '/10145/contribuer',
          () => ({
            kind: 'proposition',
            topic: 'voirie',
            title: 'Un banc place de l’église',
            body: 'Pour les promeneurs.',
            _csrf: citizens[current]!.formToken!,
          }),
          () => {
            const { i, headers } = who()
            current = i
            return headers
          },
        ),
      ]),
    )
    rows.push(
      await load(`vote (${driver})`, relay.url, [
        formRequest(
          '/10145/sondages/banc',
          () => ({ q_q: current % 3 ? 'a' : 'b', _csrf: citizens[current]!.formToken! }),
          () => {
            const { i, headers } = who()
            current = i
            return headers
          },
        ),
      ]),
    )
    return { rows, baseline, pulled }
  } finally {
    await relay.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(
    `Relais — ${DURATION_S} s par mesure, ${CONNECTIONS} connexions, ${CITIZENS} habitants, pool ${POOL}, ${cpus().length} cœurs, charge ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )
  const smtp = await startSmtp()
  const cluster = await startPostgres({ durable: true })
  const bare = await startBareHono()
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    durationSeconds: DURATION_S,
    connections: CONNECTIONS,
    citizens: CITIZENS,
  }
  try {
    const table: string[][] = []
    for (const driver of DRIVERS) {
      const { rows, baseline, pulled } = await benchDriver(driver, smtp, cluster.url(), bare.url)
      for (const row of rows) {
        table.push([
          row.label,
          row.requestsPerSecond.toFixed(0),
          row.p50Ms.toFixed(1),
          row.p99Ms.toFixed(1),
          row === baseline ? '—' : `× ${(row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}`,
          String(row.non2xx + row.errors),
          `${row.loadGeneratorCpu.toFixed(0)} %`,
        ])
      }
      table.push([
        `tirer ${pulled.rows.toLocaleString('fr-FR')} contributions (${driver}, pages de 1 000)`,
        '',
        '',
        '',
        `${(pulled.ms / 1000).toFixed(1)} s`,
        '',
        '',
      ])
      results[driver] = { rows, pullMs: pulled.ms, pulledRows: pulled.rows }
    }
    const header = ['mesure', 'req/s', 'p50 ms', 'p99 ms', 'ratio / route nue', 'échecs', 'CPU autocannon']
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)))
    const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
    console.log(format(header))
    console.log(widths.map((w) => '─'.repeat(w)).join('  '))
    for (const row of table) console.log(format(row))
    const dir = join(REPO_ROOT, 'bench', '.results')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'relay-latest.json'), `${JSON.stringify(results, null, 2)}\n`)
    console.log(`\nRésultats : ${join(dir, 'relay-latest.json')}`)
  } finally {
    bare.stop()
    await smtp.stop()
    cluster.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
