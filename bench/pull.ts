/**
 * `npm run bench -- citoyens` (run by bench/run.ts in a process of its own, with the relay's TypeScript settings):
 * the desktop's side of the citizen portal at 100,000 contributions, against a real relay process on 127.0.0.1.
 *  (a) pulling everything into a desktop that has nothing (goal < 10 s), against the raw cost in the same run: the
 *      relay's API pages fetched and parsed without storing, plus the same rows inserted into the same SQLite table
 *      by one prepared statement, one transaction per page, with the list's indexes set aside and built again at
 *      the end as the pull does for a large sync (also printed: the same inserts with every index kept up to date);
 *  (b) a sync with nothing new (goal < 50 ms), against one bare request for the empty page;
 *  (c) the « Citoyens » page's list (citizens.list through the dispatcher, with filters and the search), goal < 50 ms
 *      at p95, against the raw SQL of the same page and count.
 * On PGlite and PostgreSQL (CITIZENS_BENCH_DRIVERS=pglite measures one). Numbers only: nothing is asserted.
 * CITIZENS_BENCH_PAGE=500 pulls by pages of 500 instead of the desktop's PULL_PAGE_SIZE (1,000, the most the relay serves).
 * CITIZENS_BENCH_ONLY=list measures (c) alone, on a desktop filled by one pull from a PGlite relay; with
 * CITIZENS_BENCH_CACHE=<file> that filled database is kept in <file> and reused by the next runs (migrations applied
 * on opening), so that iterating on the list does not pay the 100,000-row pull each time.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PulledItem } from '../src/shared/relay/api'
import { CITIZENS_PAGE_SIZE, type CitizensListInput } from '../src/shared/contract'
import { openRelayDatabase } from '../src/relay/db/open'
import { startPostgres, type PostgresCluster } from '../src/relay/testing/postgres'
import { newPostgresDatabase, REPO_ROOT, startRelayProcess, type Driver, type RelayProcess } from '../src/relay/testing/relay-process'
import { createSetUpTemplate, createTestCore, dataDirFrom, ok, TempDirs, type TestCore } from '../src/main/core/testing'
import { KEPT_DURING_LARGE_PULL, PULL_PAGE_SIZE, pullAll, type PullEnvironment } from '../src/main/core/portal/pull'
import { deferIndexes, restoreDeferredIndexes } from '../src/main/core/db/deferred-indexes'
import { fileVault } from '../src/main/core/portal/vault'
import { contributionsMatch } from '../src/main/core/citizens/search-index'
import { printRows, summarize, timeAsyncNs, timeNs, type Row } from './measure'
import { seedContributions, SEED_COMMUNE } from './relay-seed'

const ROWS = Number(process.env.CITIZENS_BENCH_ROWS ?? 100_000)
const DRIVERS = (process.env.CITIZENS_BENCH_DRIVERS ?? 'pglite,postgres').split(',') as Driver[]
const LIST_ONLY = process.env.CITIZENS_BENCH_ONLY === 'list'
const CACHE = process.env.CITIZENS_BENCH_CACHE ?? null
/** The pull's page size (the desktop's PULL_PAGE_SIZE unless CITIZENS_BENCH_PAGE says; the relay serves up to 1,000). */
const PAGE_SIZE = Number(process.env.CITIZENS_BENCH_PAGE ?? PULL_PAGE_SIZE)
const EMPTY_SYNCS = 40
const LIST_WARM_UP = 5
const LIST_ITERATIONS = 60
export const CITIZENS_TARGETS = { pullMs: 10_000, emptySyncMs: 50, listP95Ms: 50 }

/** What the mairie does on the Citoyens page: the first page, filters, searches, a page far down. */
const LIST_CASES: { label: string; input: CitizensListInput }[] = [
  { label: 'première page, sans filtre', input: {} },
  { label: 'besoins, voirie', input: { kind: 'besoin', topic: 'voirie' } },
  { label: 'à l’étude, en attente de publication', input: { status: 'a_l_etude', moderation: 'en_attente' } },
  { label: 'du 1er au 30 juin 2026', input: { from: '2026-06-01', to: '2026-06-30' } },
  { label: 'non lues, page 100', input: { unseenOnly: true, page: 100 } },
  { label: 'recherche « fontaine »', input: { search: 'fontaine' } },
  { label: 'recherche « école » + propositions', input: { search: 'école', kind: 'proposition' } },
  { label: 'recherche « rue écoles 1234 »', input: { search: 'rue écoles 1234' } },
]

interface Page {
  items: PulledItem[]
  nextCursor: number
  hasMore: boolean
}

async function fetchAllPages(relay: RelayProcess, token: string): Promise<{ ms: number; pages: Page[] }> {
  const pages: Page[] = []
  const start = performance.now()
  let after = 0
  for (;;) {
    const page = (await (await relay.api(`/api/v1/inputs?after=${after}&limit=${PAGE_SIZE}`, { token })).json()) as Page
    pages.push(page)
    after = page.nextCursor
    if (!page.hasMore || page.items.length === 0) break
  }
  return { ms: performance.now() - start, pages }
}

/**
 * The same rows into the same table (its FTS triggers included) by one prepared statement, a transaction a page; with
 * `setAside`, the list's indexes dropped first and built again at the end, as the pull does for a large sync.
 */
function rawInserts(test: TestCore, relayUrl: string, pages: Page[], { setAside = false } = {}): number {
  const sqlite = test.core.database.sqlite
  const insert = sqlite.prepare(`INSERT INTO contributions (relay_url, relay_id, relay_seq, kind, author_pseudonymous_id, author_display_name,
      title, body, topic, project_external_id, address, latitude, longitude, status, public_answer, moderation, reports_spam,
      reports_offensive, reports_off_topic, created_at, updated_at, received_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const cursor = sqlite.prepare(
    `INSERT INTO portal_pull (relay_url, cursor, last_attempt_at) VALUES (?, ?, ?) ON CONFLICT (relay_url) DO UPDATE SET cursor = excluded.cursor`,
  )
  const at = new Date().toISOString()
  const storePage = sqlite.transaction((page: Page) => {
    for (const item of page.items) {
      if (item.type !== 'contribution') continue
      insert.run(
        relayUrl,
        item.id,
        item.seq,
        item.kind,
        item.author?.pseudonymousId ?? null,
        item.author?.displayName ?? null,
        item.title,
        item.body,
        item.topic,
        item.projectExternalId,
        item.address,
        item.latitude,
        item.longitude,
        item.status,
        item.publicAnswer,
        item.moderation,
        item.reports.spam,
        item.reports.offensant,
        item.reports.hors_sujet,
        item.createdAt,
        item.updatedAt,
        at,
      )
    }
    cursor.run(relayUrl, page.nextCursor, at)
  })
  const start = performance.now()
  if (setAside) deferIndexes(sqlite, 'contributions', KEPT_DURING_LARGE_PULL)
  for (const page of pages) storePage(page)
  if (setAside) restoreDeferredIndexes(sqlite)
  return performance.now() - start
}

/**
 * The raw SQL of one list page: the same conditions, order and page, and the total (no status/moderation counts) —
 * the simplest SQL for the same rows. A search is the index's matches under the kind and topic (search-index.ts: they
 * are facet tokens there, rowid >> 4 the id), as an IN set: what any plain query of this schema would do.
 */
function rawList(test: TestCore, input: CitizensListInput): () => unknown {
  const where: string[] = []
  const params: unknown[] = []
  for (const [column, value] of [
    ['kind', input.kind],
    ['topic', input.topic],
    ['status', input.status],
    ['moderation', input.moderation],
  ] as const)
    if (value) {
      where.push(`${column} = ?`)
      params.push(value)
    }
  if (input.from) {
    where.push('created_at >= ?')
    params.push(input.from)
  }
  if (input.to) {
    where.push('created_at < ?')
    const next = new Date(`${input.to}T00:00:00.000Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    params.push(next.toISOString().slice(0, 10))
  }
  if (input.unseenOnly) where.push('seen_at IS NULL')
  const match = contributionsMatch(input.search, input)
  if (match) {
    where.push('id IN (SELECT rowid >> 4 FROM contributions_fts WHERE contributions_fts MATCH ?)')
    params.push(match)
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const sqlite = test.core.database.sqlite
  const count = sqlite.prepare(`SELECT count(*) AS n FROM contributions ${clause}`)
  const page = sqlite.prepare(
    `SELECT id, kind, title, substr(body, 1, 281), topic, address, status, moderation, created_at FROM contributions ${clause} ORDER BY created_at DESC, id DESC LIMIT ${CITIZENS_PAGE_SIZE} OFFSET ?`,
  )
  return () => {
    const { n } = count.get(...params) as { n: number }
    const pageNumber = Math.min(input.page ?? 1, Math.max(1, Math.ceil(n / CITIZENS_PAGE_SIZE)))
    return page.all(...params, (pageNumber - 1) * CITIZENS_PAGE_SIZE)
  }
}

async function benchDriver(driver: Driver, cluster: PostgresCluster | null, template: string, temp: TempDirs) {
  const dataDir = mkdtempSync(join(tmpdir(), 'citizens-bench-relay-'))
  const databaseUrl = driver === 'postgres' ? await newPostgresDatabase(cluster!.url()) : null
  const seedStart = performance.now()
  const database = await openRelayDatabase({ databaseUrl, dataDir })
  await seedContributions(database.db, ROWS)
  await database.close()
  const seedMs = performance.now() - seedStart
  const relay = await startRelayProcess(
    driver,
    { pgliteTemplate: '', postgresUrl: cluster?.url() ?? '' },
    { dataDir, databaseUrl: databaseUrl ?? undefined },
  )
  const opened: TestCore[] = []
  let kept: TestCore | null = null
  try {
    const connect = async (): Promise<TestCore> => {
      const test = createTestCore(dataDirFrom(template, join(temp.make(), 'data')), { portalIntervalMs: 3_600_000, validateOutput: false })
      opened.push(test)
      const code = (await relay.admin('commune', 'new-code', SEED_COMMUNE)).at(-1)!
      await ok(test.core, test.session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
      return test
    }
    const environment = (test: TestCore): PullEnvironment => ({
      db: test.core.database.db,
      sqlite: test.core.database.sqlite,
      secrets: fileVault(test.dataDir),
      now: () => new Date(),
      dataDir: test.dataDir,
    })
    const code = (await relay.admin('commune', 'new-code', SEED_COMMUNE)).at(-1)!
    const token = ((await (await relay.api('/api/v1/pairing', { method: 'POST', json: { code } })).json()) as { token: string }).token

    // (a) The relay's pages once to warm it (its caches, the JIT), then the raw fetch, the desktop's pull, raw inserts.
    await fetchAllPages(relay, token)
    const fetched = await fetchAllPages(relay, token)
    const desktop = await connect()
    const phases = { waitMs: 0, checkMs: 0, photosMs: 0, storeMs: 0, indexMs: 0 }
    const pullStart = performance.now()
    const report = await pullAll({ ...environment(desktop), phases }, { pageSize: PAGE_SIZE })
    const pullMs = performance.now() - pullStart
    if (report.problem || report.newContributions !== ROWS) throw new Error(`tirage incomplet : ${JSON.stringify(report)}`)
    const insertMs = rawInserts(await connect(), relay.url, fetched.pages)
    const insertSetAsideMs = rawInserts(await connect(), relay.url, fetched.pages, { setAside: true })

    // (b) Nothing new: the desktop's sync (directly and through the dispatcher) against one bare empty-page request.
    const cursor = fetched.pages.at(-1)!.nextCursor
    const bare: number[] = []
    const direct: number[] = []
    const invoked: number[] = []
    for (let i = 0; i < 5 + EMPTY_SYNCS; i++) {
      const b = await timeAsyncNs(async () => (await relay.api(`/api/v1/inputs?after=${cursor}&limit=${PAGE_SIZE}`, { token })).json())
      const d = await timeAsyncNs(() => pullAll(environment(desktop)))
      const v = await timeAsyncNs(() => ok(desktop.core, desktop.session, 'citizens.syncNow'))
      if (i >= 5) {
        bare.push(b)
        direct.push(d)
        invoked.push(v)
      }
    }
    const bareRow = summarize(`page vide du relais, requête nue (${driver})`, bare)
    const syncRows = [
      bareRow,
      summarize(`synchronisation sans nouveauté — pullAll (${driver})`, direct, bareRow),
      summarize(`synchronisation sans nouveauté — citizens.syncNow (${driver})`, invoked, bareRow),
    ]
    kept = desktop
    return { seedMs, fetchMs: fetched.ms, pullMs, phases, insertMs, insertSetAsideMs, pages: report.pages, syncRows, desktop }
  } finally {
    await relay.stop()
    rmSync(dataDir, { recursive: true, force: true })
    // The filled desktop stays open for (c); the others close.
    for (const test of opened) if (test !== kept) test.core.close()
  }
}

/** (c) alone: on the cached filled desktop when there is one, else on one filled by a pull from a PGlite relay. */
async function listOnly(template: string, temp: TempDirs): Promise<Row[]> {
  let test: TestCore
  if (CACHE && existsSync(CACHE)) {
    test = createTestCore(dataDirFrom(CACHE, join(temp.make(), 'data')), { portalIntervalMs: 3_600_000, validateOutput: false })
  } else {
    const measured = await benchDriver('pglite', null, template, temp)
    console.log(`(pglite) tirage complet par le bureau : ${(measured.pullMs / 1000).toFixed(2)} s\n`)
    if (CACHE) measured.desktop.core.database.sqlite.prepare('VACUUM INTO ?').run(CACHE)
    test = measured.desktop
  }
  try {
    const rows = await benchList(test)
    printRows(rows, 'ms')
    console.log(`  (cible : p95 < ${CITIZENS_TARGETS.listP95Ms} ms)\n`)
    return rows
  } finally {
    test.core.close()
  }
}

/** (c) on the desktop filled by the pull. */
async function benchList(test: TestCore): Promise<Row[]> {
  const rows: Row[] = []
  for (const { label, input } of LIST_CASES) {
    const raw = rawList(test, input)
    const rawSamples: number[] = []
    const listSamples: number[] = []
    let total = 0
    for (let i = 0; i < LIST_WARM_UP + LIST_ITERATIONS; i++) {
      const r = timeNs(raw)
      const l = await timeAsyncNs(async () => {
        total = (await ok(test.core, test.session, 'citizens.list', input)).total
      })
      if (i >= LIST_WARM_UP) {
        rawSamples.push(r)
        listSamples.push(l)
      }
    }
    const rawRow = summarize(`SQL brut — ${label}`, rawSamples)
    rows.push(rawRow, summarize(`citizens.list — ${label} (${total.toLocaleString('fr-FR')})`, listSamples, rawRow))
  }
  return rows
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function main(): Promise<void> {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
  console.log(`Citoyens — ${ROWS.toLocaleString('fr-FR')} contributions, pages de ${PAGE_SIZE}, ${cpus().length} cœurs, charge ${load}\n`)
  const temp = new TempDirs('cap-commune-citizens-bench-')
  const cluster = !LIST_ONLY && DRIVERS.includes('postgres') ? await startPostgres({ durable: true }) : null
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    rows: ROWS,
    pageSize: PAGE_SIZE,
    loadBefore: load,
    targets: CITIZENS_TARGETS,
  }
  try {
    const template = await createSetUpTemplate(temp.make())
    if (LIST_ONLY) {
      results.list = await listOnly(template, temp)
    }
    let listed = LIST_ONLY
    for (const driver of LIST_ONLY ? [] : DRIVERS) {
      const measured = await benchDriver(driver, cluster, template, temp)
      const raw = measured.fetchMs + measured.insertSetAsideMs
      console.log(
        [
          `(${driver}) relais rempli en ${(measured.seedMs / 1000).toFixed(1)} s`,
          `  pages de l’API lues sans rien enregistrer : ${(measured.fetchMs / 1000).toFixed(2)} s`,
          `  mêmes lignes insérées en SQL brut          : ${(measured.insertMs / 1000).toFixed(2)} s`,
          `  les mêmes, index mis de côté puis refaits  : ${(measured.insertSetAsideMs / 1000).toFixed(2)} s`,
          `  tirage complet par le bureau (${measured.pages} pages)  : ${(measured.pullMs / 1000).toFixed(2)} s, × ${(measured.pullMs / raw).toFixed(2)} du coût brut (cible < ${CITIZENS_TARGETS.pullMs / 1000} s)`,
          `    dont attente des pages ${seconds(measured.phases.waitMs)}, contrôle ${seconds(measured.phases.checkMs)}, photos ${seconds(measured.phases.photosMs)}, enregistrement ${seconds(measured.phases.storeMs)}, index reconstruits ${seconds(measured.phases.indexMs)}\n`,
        ].join('\n'),
      )
      printRows(measured.syncRows, 'ms')
      console.log('')
      let list: Row[] | null = null
      if (!listed) {
        list = await benchList(measured.desktop)
        printRows(list, 'ms')
        console.log(`  (cible : p95 < ${CITIZENS_TARGETS.listP95Ms} ms)\n`)
        listed = true
      }
      measured.desktop.core.close()
      results[driver] = {
        seedMs: measured.seedMs,
        fetchMs: measured.fetchMs,
        insertMs: measured.insertMs,
        insertSetAsideMs: measured.insertSetAsideMs,
        pullMs: measured.pullMs,
        pullRatio: measured.pullMs / raw,
        pullPhases: measured.phases,
        pages: measured.pages,
        emptySync: measured.syncRows,
        ...(list ? { list } : {}),
      }
    }
    results.loadAfter = loadavg()
    const dir = join(REPO_ROOT, 'bench', '.results')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'citizens-latest.json'), `${JSON.stringify(results, null, 2)}\n`)
    console.log(
      `Résultats : ${join(dir, 'citizens-latest.json')} ; charge en fin ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    )
  } finally {
    cluster?.stop()
    temp.cleanup()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
