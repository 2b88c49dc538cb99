/**
 * `npm run bench -- relay` (run by bench/run.ts in a process of its own): the relay under a steady load on 127.0.0.1,
 * on PGlite and on PostgreSQL (a local cluster with its default, durable settings).
 *  - submitting a proposal and casting a vote (200 signed-in citizens, one after the other), each as a ratio to a bare
 *    Hono route (@hono/node-server, same form body) measured in the same run, with p50/p99 latency (autocannon,
 *    bounded in time);
 *  - with PostgreSQL, casting a vote on 1 and on 2 relay processes sharing the database, for pool sizes 5, 10 and 20
 *    (one autocannon run per process, in parallel, each with its own port's Origin; req/s summed, the worse p50/p99);
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
/** RELAY_BENCH_POOLS / RELAY_BENCH_PROCESSES: the PostgreSQL vote grid (pool sizes × relay processes); empty skips it. */
const POOLS = (process.env.RELAY_BENCH_POOLS ?? '5,10,20').split(',').filter(Boolean).map(Number)
const PROCESSES = (process.env.RELAY_BENCH_PROCESSES ?? '1,2').split(',').filter(Boolean).map(Number)
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

function runAutocannon(url: string, requests: autocannon.Request[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests }, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

/** One load per target, run at once (one per relay process); requests per second summed, the worse latencies kept. */
async function load(label: string, targets: { url: string; requests: autocannon.Request[] }[]): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage()
  const wallBefore = performance.now()
  const results = await Promise.all(targets.map((t) => runAutocannon(t.url, t.requests)))
  const used = process.cpuUsage(cpuBefore)
  const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0)
  return {
    label,
    requestsPerSecond: sum((r) => r.requests.average),
    p50Ms: Math.max(...results.map((r) => r.latency.p50)),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    // A proposal answers 303 (to « Mes contributions »): only 4xx, 5xx and network errors are failures.
    non2xx: sum((r) => r['4xx'] + r['5xx']),
    errors: sum((r) => r.errors + r.timeouts),
    loadGeneratorCpu: ((used.user + used.system) / 1000 / (performance.now() - wallBefore)) * 100,
  }
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

/**
 * A form POSTed by signed-in citizens in turn (those of `citizens`, by index), with the session cookie and the Origin
 * of the relay process it is sent to.
 */
function citizenForm(
  relay: RelayProcess,
  path: string,
  citizens: { cookie: string; csrf: string }[],
  fields: (citizen: number) => Record<string, string>,
): { url: string; requests: autocannon.Request[] } {
  let next = 0
  return {
    url: relay.url,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const i = next++ % citizens.length
          return {
            ...request,
            headers: { cookie: citizens[i]!.cookie, origin: relay.url, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ ...fields(i), _csrf: citizens[i]!.csrf }).toString(),
          }
        },
      },
    ],
  }
}

const voteFields = (i: number) => ({ q_q: i % 3 ? 'a' : 'b' })

/** Votes on `processes` relay processes sharing one PostgreSQL database, each with a pool of `pool` connections. */
async function voteOnProcesses(
  postgresUrl: string,
  databaseUrl: string,
  env: Record<string, string>,
  citizens: { cookie: string; csrf: string }[],
  processes: number,
  pool: number,
): Promise<LoadResult> {
  const relays = await Promise.all(
    Array.from({ length: processes }, () =>
      startRelayProcess('postgres', { pgliteTemplate: '', postgresUrl }, { databaseUrl, env: { ...env, RELAY_DATABASE_POOL: String(pool) } }),
    ),
  )
  try {
    // Each process gets its own share of the citizens: no two processes write the same answer row at once.
    const targets = relays.map((relay, k) =>
      citizenForm(
        relay,
        '/10145/sondages/banc',
        citizens.filter((_, i) => i % processes === k),
        voteFields,
      ),
    )
    return await load(`vote (postgres, ${processes} processus × pool ${pool})`, targets)
  } finally {
    await Promise.all(relays.map((relay) => relay.stop()))
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
    const signedIn = citizens.map((c) => ({ cookie: c.cookieHeader(), csrf: c.formToken! }))
    const rows: LoadResult[] = []
    const baseline = await load(`route Hono nue (passe ${driver})`, [
      {
        url: bare,
        requests: [
          {
            method: 'POST',
            path: '/bare',
            // Built per request, as the relay's loads are: the load generator's work is the same.
            setupRequest: (request) => ({
              ...request,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ kind: 'proposition', topic: 'voirie', title: 'Banc', body: 'Texte.', _csrf: 'x' }).toString(),
            }),
          },
        ],
      },
    ])
    rows.push(baseline)
    rows.push(
      await load(`proposition (${driver}, pool ${POOL})`, [
        citizenForm(relay, '/10145/contribuer', signedIn, () => ({
          kind: 'proposition',
          topic: 'voirie',
          title: 'Un banc place de l’église',
          body: 'Pour les promeneurs.',
        })),
      ]),
    )
    rows.push(await load(`vote (${driver}, pool ${POOL})`, [citizenForm(relay, '/10145/sondages/banc', signedIn, voteFields)]))
    if (driver === 'postgres' && relay.databaseUrl) {
      await relay.stop()
      for (const processes of PROCESSES)
        for (const pool of POOLS) rows.push(await voteOnProcesses(postgresUrl, relay.databaseUrl, env, signedIn, processes, pool))
    }
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
