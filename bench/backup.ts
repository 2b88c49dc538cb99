/**
 * (g) Backups of a large commune (bench/generate.ts, grown to a 200 MB database) with 500 MB of documents:
 *  - the time of a backup, and the worst latency of a contract call (a page of projects.list) while it runs,
 *    against the same call at rest (goal: no call over 100 ms during the backup);
 *  - the time of a restore (verification, backup of the current state, swap);
 *  - the integrity check the app runs at every launch (quick_check) on that file;
 *  - synchronous = FULL against NORMAL on the large commune's write mix (tasks created and updated, comments,
 *    projects updated), through core.invoke.
 * `npm run bench -- sauvegardes` runs this part only. Figures, never assertions.
 */
import type Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TempDirs } from '../src/main/core/testing'
import { generateLargeCommune } from './generate'
import { percentile, summarize, type Row } from './measure'

export const BACKUP_TARGETS = { databaseMb: 200, documentsMb: 500, worstCallDuringBackupMs: 100 } as const

export interface BackupBench {
  databaseMb: number
  documentsMb: number
  documents: number
  backupMs: number
  restoreMs: number
  quickCheckMs: number
  atRest: { calls: number; medianMs: number; p95Ms: number; maxMs: number }
  duringBackup: { calls: number; medianMs: number; p95Ms: number; maxMs: number }
  synchronous: Row[]
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  return { calls: sorted.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1) ?? NaN }
}

/** Grows the audit trail (copies of its own rows) until the file is at least `megabytes`. */
function growDatabase(sqlite: Database.Database, megabytes: number): number {
  const size = () =>
    ((sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number)) / 1024 ** 2
  const copy = sqlite.prepare(
    `INSERT INTO audit_log (at, profile_id, profile_name, entity, entity_id, action, field, before, after, project_id)
     SELECT at, profile_id, profile_name, entity, entity_id, action, field, before, after, project_id FROM audit_log ORDER BY id LIMIT 100000`,
  )
  while (size() < megabytes) sqlite.transaction(() => copy.run())()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  return size()
}

/** `count` documents of random bytes (they do not compress), attached to the first projects. */
function addDocuments(sqlite: Database.Database, dataDir: string, totalMb: number, count: number): void {
  const folder = join(dataDir, 'pieces-jointes')
  mkdirSync(folder, { recursive: true })
  const projects = sqlite.prepare('SELECT id FROM projects ORDER BY id LIMIT ?').pluck().all(count) as number[]
  const insert = sqlite.prepare(
    "INSERT INTO attachments (project_id, task_id, file_name, mime_type, size, sha256, added_at, added_by) VALUES (?, NULL, ?, 'application/pdf', ?, ?, '2026-05-04T10:00:00.000Z', 'Banc')",
  )
  const size = Math.floor((totalMb * 1024 * 1024) / count)
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const bytes = randomBytes(size)
      const hash = createHash('sha256').update(bytes).digest('hex')
      writeFileSync(join(folder, hash), bytes)
      insert.run(projects[i % projects.length]!, `Document ${i + 1}.pdf`, bytes.length, hash)
    }
  })()
}

export async function benchBackups(tempDirs: TempDirs): Promise<BackupBench> {
  const commune = await generateLargeCommune({ dataDir: tempDirs.make() })
  const { core, session, dataDir } = commune.test
  const sqlite = core.database.sqlite
  const databaseMb = growDatabase(sqlite, BACKUP_TARGETS.databaseMb)
  const documents = 250
  addDocuments(sqlite, dataDir, BACKUP_TARGETS.documentsMb, documents)

  const call = async () => {
    const started = performance.now()
    const result = await core.invoke('projects.list', { page: 1, pageSize: 50 }, session)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    return performance.now() - started
  }
  for (let i = 0; i < 20; i++) await call()
  const rest: number[] = []
  for (let i = 0; i < 200; i++) rest.push(await call())

  // A call after another, as fast as the app answers, for as long as the backup runs.
  const during: number[] = []
  let running = true
  const started = performance.now()
  const backup = core.data.backupNow('manuelle', 'Banc').finally(() => (running = false))
  while (running) {
    during.push(await call())
    await new Promise((resolve) => setImmediate(resolve))
  }
  const made = await backup
  const backupMs = performance.now() - started

  const restoreStarted = performance.now()
  await core.data.restore(made.backup.id, 'Banc')
  const restoreMs = performance.now() - restoreStarted

  const quickStarted = performance.now()
  core.database.sqlite.pragma('quick_check')
  const quickCheckMs = performance.now() - quickStarted

  // synchronous: the same write mix under each setting, alternating blocks so both see the same machine.
  const live = () => core.database.sqlite
  const session2 = core.newSession()
  const status = (await core.invoke('app.status', {}, session2)) as { ok: true; value: { profiles: { id: number }[] } }
  await core.invoke('session.open', { profileId: status.value.profiles[0]!.id }, session2)
  const projectIds = live().prepare('SELECT id FROM projects ORDER BY id LIMIT 200').pluck().all() as number[]
  const must = async (method: string, input: unknown) => {
    const result = await core.invoke(method, input, session2)
    if (!result.ok) throw new Error(`${method} : ${JSON.stringify(result.error)}`)
    return result.value as { id: number }
  }
  const samples: Record<'FULL' | 'NORMAL', number[]> = { FULL: [], NORMAL: [] }
  for (let block = 0; block < 6; block++) {
    const mode = block % 2 === 0 ? 'FULL' : 'NORMAL'
    live().pragma(`synchronous = ${mode}`)
    for (let i = 0; i < 40; i++) {
      const projectId = projectIds[(block * 40 + i) % projectIds.length]!
      const t0 = process.hrtime.bigint()
      const task = await must('tasks.create', { projectId, title: `Tâche du banc ${block}-${i}` })
      await must('tasks.update', { id: task.id, title: `Tâche du banc ${block}-${i} (revue)`, status: 'en_cours' })
      await must('comments.add', { projectId, body: `Point d'étape ${block}-${i}` })
      samples[mode].push(Number(process.hrtime.bigint() - t0))
    }
  }
  live().pragma('synchronous = FULL')
  const normal = summarize('écritures (tâche créée + modifiée + commentaire) — synchronous NORMAL', samples.NORMAL)
  const full = summarize('écritures (tâche créée + modifiée + commentaire) — synchronous FULL', samples.FULL, normal)
  core.close()
  return {
    databaseMb,
    documentsMb: BACKUP_TARGETS.documentsMb,
    documents,
    backupMs,
    restoreMs,
    quickCheckMs,
    atRest: stats(rest),
    duringBackup: stats(during),
    synchronous: [normal, full],
  }
}

export function printBackupBench(result: BackupBench): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`
  console.log(`\nSauvegarde d'une grande commune : base ${result.databaseMb.toFixed(0)} Mo, ${result.documents} documents (${result.documentsMb} Mo)`)
  console.log(`  sauvegarde complète (copie en ligne, vérification, documents) : ${(result.backupMs / 1000).toFixed(1)} s`)
  console.log(`  restauration (vérification, sauvegarde de l'état actuel, remplacement) : ${(result.restoreMs / 1000).toFixed(1)} s`)
  console.log(`  vérification rapide à l'ouverture (quick_check) : ${ms(result.quickCheckMs)}`)
  for (const [label, s] of [
    ['projects.list au repos', result.atRest],
    ['projects.list pendant la sauvegarde', result.duringBackup],
  ] as const) {
    console.log(`  ${label} : ${s.calls} appels, médiane ${ms(s.medianMs)}, p95 ${ms(s.p95Ms)}, pire ${ms(s.maxMs)}`)
  }
  console.log(
    `  pire appel pendant / au repos : × ${(result.duringBackup.maxMs / result.atRest.maxMs).toFixed(2)} (objectif : aucun appel > ${BACKUP_TARGETS.worstCallDuringBackupMs} ms)`,
  )
  for (const row of result.synchronous) {
    console.log(
      `  ${row.method} : médiane ${(row.medianUs / 1000).toFixed(2)} ms, p95 ${(row.p95Us / 1000).toFixed(2)} ms${row.ratio ? ` (× ${row.ratio.toFixed(2)})` : ''}`,
    )
  }
}
