/**
 * `npm run bench`: how fast Cap Commune answers what users do most.
 *  (a) the commune search of the setup wizard, once per keystroke, over the ~35,000 current communes;
 *  (b) a round trip through the contract (dispatcher: access check, zod validation of the input, event) for
 *      `members.list` and `members.create`, against calling the handler function directly with the same input;
 *  (c) recomputing every score of a campaign (all the criteria of the real référentiel when it is there, else the
 *      test fixture) with five campaigns of history in the database, against the raw SQL read of its answers;
 *  (d) `diagnostic.get` through core.invoke against calling its handler directly;
 *  (e) a large commune (bench/large.ts, data from bench/generate.ts): dashboard, search, projects, tasks, audit trail;
 *  (f) PDF reports (bench/reports.ts): the diagnostic report and a 500-project dashboard report against raw pdfmake;
 *  (g) backups (bench/backup.ts): a 200 MB database with 500 MB of documents, calls during a backup, restore, synchronous.
 *  (g) the relay (bench/relay.ts, in its own process): proposals and votes against a bare Hono route, on PGlite and
 *      PostgreSQL, and pulling 100,000 contributions.
 *  (h) the citizen portal on the desktop (bench/pull.ts, in its own process): pulling 100,000 contributions from a real
 *      relay against the raw API pages and raw SQLite inserts, a sync with nothing new, the « Citoyens » list at 100,000.
 * `npm run bench -- rapports` runs (f) only, `npm run bench -- grande-commune` (e) only, `npm run bench -- relay` (g) only,
 * `npm run bench -- citoyens` (h) only.
 * Prints a table and writes the figures to bench/.results/ (gitignored). Nothing here is asserted: numbers only.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { contract } from '../src/shared/contract'
import type { Actor, Session } from '../src/main/core/context'
import type { SignedInContext } from '../src/main/core/handler'
import { loadCommuneDirectory } from '../src/main/core/directory/directory'
import { handlers } from '../src/main/core/handlers'
import { APP_ROOT, TempDirs, createSetUpTemplate, createTestCore, dataDirFrom } from '../src/main/core/testing'
import { campaignScores } from '../src/main/core/diagnostic/read'
import { defaultReferentielFile, loadReferentiel } from '../src/main/core/referentiel/load'
import { FIXTURE_REFERENTIEL_FILE } from '../src/main/core/testing/referentiel'
import type { AnswerStatus } from '../src/shared/contract'
import { benchLargeCommune, LARGE_COMMUNE_TARGETS } from './large'
import { benchBackups, BACKUP_TARGETS, printBackupBench } from './backup'
import { benchReports, printReportRows, REPORT_TARGETS } from './reports'
import { printRows, summarize, timeAsyncNs, timeNs, type Row } from './measure'
import { fileVault } from '../src/main/core/portal/vault'

// (a) ------------------------------------------------------------------------------------------------------------
const TYPED = ['faux villecerf', 'saint etienne', '10290']
const SEARCH_ROUNDS = 20

function benchSearch(): { rows: Row[]; loadMs: number; size: number } {
  const loadStart = performance.now()
  const directory = loadCommuneDirectory()
  const loadMs = performance.now() - loadStart
  const keystrokes = TYPED.map((text) => ({ text, prefixes: [...text].map((_, i) => text.slice(0, i + 1)) }))
  // Warm-up: one round, not measured.
  for (const { prefixes } of keystrokes) for (const prefix of prefixes) directory.search(prefix, 20)

  const perText = new Map<string, number[]>(TYPED.map((t) => [t, []]))
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const { text, prefixes } of keystrokes) {
      for (const prefix of prefixes) perText.get(text)!.push(timeNs(() => directory.search(prefix, 20)))
    }
  }
  const rows = TYPED.map((text) => summarize(`search « ${text} » (par frappe)`, perText.get(text)!))
  rows.push(summarize('search, toutes frappes', [...perText.values()].flat()))
  return { rows, loadMs, size: directory.size }
}

// (b) ------------------------------------------------------------------------------------------------------------
const WARM_UP = 200
const ITERATIONS = 2000

async function benchContract(tempDirs: TempDirs): Promise<Row[]> {
  const template = await createSetUpTemplate(tempDirs.make())
  const rows: Row[] = []

  for (const validateOutput of [false, true]) {
    const { core, session, dataDir } = createTestCore(dataDirFrom(template, join(tempDirs.make(), 'data')), { validateOutput })
    const suffix = validateOutput ? ' (+ validation du résultat)' : ''
    const profile = core.database.sqlite
      .prepare('SELECT id, display_name AS displayName, is_admin AS isAdmin FROM profiles WHERE id = ?')
      .get(session.profileId) as {
      id: number
      displayName: string
      isAdmin: number
    }
    const actor: Actor = { profileId: profile.id, displayName: profile.displayName, isAdmin: profile.isAdmin === 1 }
    const directSession: Session = { profileId: profile.id }
    const context: SignedInContext = {
      db: core.database.db,
      sqlite: core.database.sqlite,
      dataDir,
      secrets: fileVault(dataDir),
      appVersion: '0.0.0-bench',
      now: () => new Date(),
      directory: () => {
        throw new Error('annuaire non utilisé')
      },
      referentiel: () => {
        throw new Error('référentiel non utilisé')
      },
      emit: () => undefined,
      session: directSession,
      actor,
      read: () => {
        throw new Error('lecture non utilisée')
      },
    }
    const removeMember = core.database.sqlite.prepare('DELETE FROM members WHERE id = ?')

    // members.list
    const listInput = contract['members.list'].input.parse({})
    const listDirect: number[] = []
    const listInvoke: number[] = []
    for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
      // Alternate so both see the same machine state.
      const direct = timeNs(() => handlers['members.list'](listInput, context))
      const viaContract = await timeAsyncNs(() => core.invoke('members.list', {}, session))
      if (i >= WARM_UP) {
        listDirect.push(direct)
        listInvoke.push(viaContract)
      }
    }

    // members.create: the created person is removed after each call (not timed), so the team keeps its size.
    const raw = {
      firstName: 'Anne',
      lastName: 'Lemoine',
      role: 'conseiller_municipal',
      email: 'anne.lemoine@faux-villecerf.fr',
      phone: '06 12 34 56 78',
    }
    const parsed = contract['members.create'].input.parse(raw)
    const createDirect: number[] = []
    const createInvoke: number[] = []
    for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
      let createdId = 0
      const direct = timeNs(() => {
        createdId = (handlers['members.create'](parsed, context) as { id: number }).id
      })
      removeMember.run(createdId)
      let result: Awaited<ReturnType<typeof core.invoke>> | null = null
      const viaContract = await timeAsyncNs(async () => {
        result = await core.invoke('members.create', raw, session)
      })
      const created = result as Awaited<ReturnType<typeof core.invoke>> | null
      if (!created?.ok) throw new Error(`members.create a échoué : ${JSON.stringify(created)}`)
      removeMember.run((created.value as { id: number }).id)
      if (i >= WARM_UP) {
        createDirect.push(direct)
        createInvoke.push(viaContract)
      }
    }

    if (!validateOutput) {
      const listBase = summarize('members.list — handler direct', listDirect)
      const createBase = summarize('members.create — handler direct', createDirect)
      rows.push(listBase, summarize('members.list — core.invoke', listInvoke, listBase))
      rows.push(createBase, summarize('members.create — core.invoke', createInvoke, createBase))
    } else {
      const listBase = summarize('members.list — handler direct', listDirect)
      const createBase = summarize('members.create — handler direct', createDirect)
      rows.push(summarize(`members.list — core.invoke${suffix}`, listInvoke, listBase))
      rows.push(summarize(`members.create — core.invoke${suffix}`, createInvoke, createBase))
    }
    core.close()
  }
  return rows
}

// (c) and (d) ----------------------------------------------------------------------------------------------------
const HISTORY = 5
const SCORE_ITERATIONS = 500
const STATUSES: AnswerStatus[] = ['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne', 'partiel']

/** The real référentiel when its file exists (and is valid), else the small one the tests use. */
function benchReferentielFile(): { file: string; kind: string } {
  const real = defaultReferentielFile(APP_ROOT)
  if (existsSync(real)) {
    try {
      loadReferentiel(real)
      return { file: real, kind: 'réel' }
    } catch (error) {
      console.warn(`Référentiel réel invalide, jeu de test utilisé : ${(error as Error).message}`)
    }
  }
  return { file: FIXTURE_REFERENTIEL_FILE, kind: 'jeu de test' }
}

async function benchDiagnostic(tempDirs: TempDirs): Promise<{ rows: Row[]; criteria: number; referentiel: string; answers: number }> {
  const source = benchReferentielFile()
  const template = await createSetUpTemplate(tempDirs.make())
  const { core, session, dataDir } = createTestCore(dataDirFrom(template, join(tempDirs.make(), 'data')), {
    validateOutput: false,
    referentielFile: source.file,
  })
  const loaded = loadReferentiel(source.file)
  const criteria = [...loaded.criteria.keys()]
  const sqlite = core.database.sqlite

  // Five campaigns of history, every criterion answered in each (statuses spread deterministically).
  const insertAnswer = sqlite.prepare(
    `INSERT INTO answers (campaign_id, criterion_id, status, split, comment, answered_by, answered_at) VALUES (?, ?, ?, ?, '', 'Banc', '2026-05-04T10:00:00.000Z')`,
  )
  let campaignId = 0
  for (let c = 0; c < HISTORY; c++) {
    const created = await core.invoke('campaigns.create', { name: `Campagne ${c + 1}` }, session)
    if (!created.ok) throw new Error(`campaigns.create a échoué : ${JSON.stringify(created.error)}`)
    campaignId = (created.value as { id: number }).id
    sqlite.transaction(() => {
      criteria.forEach((id, i) => {
        const status = STATUSES[(i * 7 + c) % STATUSES.length]!
        insertAnswer.run(campaignId, id, status, status === 'partiel' ? JSON.stringify({ done: 40, programmed: 35, notDone: 25 }) : null)
      })
    })()
  }
  for (let i = 0; i < 12; i++) {
    const theme = [...loaded.themes.keys()][i % loaded.themes.size]!
    sqlite
      .prepare(
        `INSERT INTO citizen_inputs (theme_id, summary, received_on, source, created_at, created_by) VALUES (?, 'Demande', '2026-04-01', 'local', '2026-04-01', 'Banc')`,
      )
      .run(theme)
  }
  const answerCount = (sqlite.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n

  const profile = sqlite.prepare('SELECT id, display_name AS displayName, is_admin AS isAdmin FROM profiles WHERE id = ?').get(session.profileId) as {
    id: number
    displayName: string
    isAdmin: number
  }
  const context: SignedInContext = {
    db: core.database.db,
    sqlite,
    dataDir,
    secrets: fileVault(dataDir),
    appVersion: '0.0.0-bench',
    now: () => new Date(),
    directory: () => {
      throw new Error('annuaire non utilisé')
    },
    referentiel: () => loaded,
    emit: () => undefined,
    session: { profileId: profile.id },
    actor: { profileId: profile.id, displayName: profile.displayName, isAdmin: profile.isAdmin === 1 },
    read: () => {
      throw new Error('lecture non utilisée')
    },
  }

  const rawRead = sqlite.prepare('SELECT criterion_id, status, split FROM answers WHERE campaign_id = ?')
  const raw: number[] = []
  const scores: number[] = []
  for (let i = 0; i < WARM_UP + SCORE_ITERATIONS; i++) {
    const r = timeNs(() => rawRead.all(campaignId))
    const s = timeNs(() => campaignScores(context, context.db, campaignId))
    if (i >= WARM_UP) {
      raw.push(r)
      scores.push(s)
    }
  }

  const getInput = contract['diagnostic.get'].input.parse({ campaignId })
  const direct: number[] = []
  const invoke: number[] = []
  for (let i = 0; i < WARM_UP + SCORE_ITERATIONS; i++) {
    const d = timeNs(() => handlers['diagnostic.get'](getInput, context))
    const v = await timeAsyncNs(() => core.invoke('diagnostic.get', { campaignId }, session))
    if (i >= WARM_UP) {
      direct.push(d)
      invoke.push(v)
    }
  }
  core.close()

  const rawRow = summarize('réponses d’une campagne — lecture SQL brute', raw)
  const directRow = summarize('diagnostic.get — handler direct', direct)
  return {
    rows: [
      rawRow,
      summarize(`scores d’une campagne (${criteria.length} critères) — calcul complet`, scores, rawRow),
      directRow,
      summarize('diagnostic.get — core.invoke', invoke, directRow),
    ],
    criteria: criteria.length,
    referentiel: `${source.kind} ${loaded.referentiel.version}`,
    answers: answerCount,
  }
}

// (g) ------------------------------------------------------------------------------------------------------------
/** The relay part runs in a process of its own, with the relay's TypeScript settings (hono/jsx). */
function benchRelay(file = 'relay.ts'): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(APP_ROOT, 'bench', file)], {
    cwd: APP_ROOT,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(APP_ROOT, 'src', 'relay', 'tsconfig.json') },
  })
  if (result.status !== 0) process.exitCode = 1
}

// ----------------------------------------------------------------------------------------------------------------
const printTable = (rows: Row[]) => printRows(rows)

async function main(): Promise<void> {
  const tempDirs = new TempDirs('cap-commune-bench-')
  try {
    console.log('Cap Commune — banc de mesure\n')
    if (process.argv[2] === 'sauvegardes') {
      printBackupBench(await benchBackups(tempDirs))
      return
    }
    if (process.argv[2] === 'rapports') {
      printReportRows(await benchReports(tempDirs))
      return
    }
    if (process.argv[2] === 'grande-commune') {
      printTable((await benchLargeCommune(tempDirs)).rows)
      return
    }
    if (process.argv[2] === 'relay') {
      benchRelay()
      return
    }
    if (process.argv[2] === 'citoyens') {
      benchRelay('pull.ts')
      return
    }
    const search = benchSearch()
    console.log(
      `Annuaire : ${search.size} communes, chargé en ${search.loadMs.toFixed(0)} ms ; ${SEARCH_ROUNDS} saisies de ${TYPED.map((t) => `« ${t} »`).join(', ')}\n`,
    )
    const contractRows = await benchContract(tempDirs)
    const diagnostic = await benchDiagnostic(tempDirs)
    console.log(
      `Diagnostic : référentiel ${diagnostic.referentiel}, ${diagnostic.criteria} critères, ${HISTORY} campagnes (${diagnostic.answers} réponses en base), ${SCORE_ITERATIONS} mesures\n`,
    )
    const large = await benchLargeCommune(tempDirs)
    console.log(
      `Grande commune : ${large.info.projects} projets, ${large.info.tasks} tâches, ${large.info.comments} commentaires, ${large.info.auditRows} lignes de journal, ${large.info.members} personnes (générée en ${(large.info.generationMs / 1000).toFixed(1)} s) ; cibles ${JSON.stringify(LARGE_COMMUNE_TARGETS)}\n`,
    )
    const rows = [...search.rows, ...contractRows, ...diagnostic.rows, ...large.rows]
    printTable(rows)
    const reports = await benchReports(tempDirs)
    printReportRows(reports)
    const backups = await benchBackups(tempDirs)
    printBackupBench(backups)

    const results = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpus()[0]?.model ?? 'inconnu',
      cpuCount: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      directory: { size: search.size, loadMs: search.loadMs, typed: TYPED, rounds: SEARCH_ROUNDS },
      contract: { warmUp: WARM_UP, iterations: ITERATIONS },
      largeCommune: { ...large.info, targetsMs: LARGE_COMMUNE_TARGETS },
      diagnostic: {
        referentiel: diagnostic.referentiel,
        criteria: diagnostic.criteria,
        campaigns: HISTORY,
        answers: diagnostic.answers,
        iterations: SCORE_ITERATIONS,
      },
      rows,
      reports: { targets: REPORT_TARGETS, rows: reports },
      backups: { targets: BACKUP_TARGETS, ...backups },
    }
    const dir = join(APP_ROOT, 'bench', '.results')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `bench-${results.date.replace(/[:.]/g, '-')}.json`)
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
    writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
    console.log(`\nRésultats : ${file}\n`)
    benchRelay()
    benchRelay('pull.ts')
  } finally {
    tempDirs.cleanup()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
