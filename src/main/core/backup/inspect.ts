/**
 * Reading a copy of the database from top to bottom — integrity check, SHA-256, what it holds — and hashing files,
 * in a worker thread: on a 200 MB commune `PRAGMA integrity_check` alone takes seconds, and the app must keep
 * answering meanwhile. The worker's code is plain CommonJS kept in a string (no bundler or TypeScript loader is
 * involved, so it runs the same from vitest, tsx, electron-vite's bundle and the packaged app); the same code runs
 * synchronously where nothing else is running yet (the backup taken before migrations, at startup).
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { sep } from 'node:path'
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import { STORED_FILE_SOURCES } from '../file-store/usage'

export interface InspectRequest {
  /** A copy of the database, never the live file: the copy's journal mode is set to DELETE (a self-contained file). */
  databaseFile?: string
  /** `quick` for the startup check (O(N)), `full` (O(N log N), indexes included) for backups and imports. */
  check?: 'quick' | 'full'
  /** Files whose SHA-256 must equal `sha256`. */
  files?: { path: string; sha256: string }[]
  /** better-sqlite3's addon for another ABI (Electron), as the core got it. */
  nativeBinding?: string
}

export interface DatabaseSummary {
  commune: { name: string; inseeCode: string } | null
  counts: { projects: number; tasks: number; campaigns: number; members: number; profiles: number; documents: number; auditRows: number }
  lastChange: { at: string; by: string } | null
  /** `created_at` of the last migration applied (drizzle's folderMillis), null on an empty file. */
  lastMigration: number | null
  migrations: number
  /** Distinct SHA-256 of every stored file the rows point to (file-store/usage's STORED_FILE_SOURCES). */
  documents: { sha256: string; size: number }[]
}

export interface InspectResult {
  database: { ok: true; size: number; sha256: string; summary: DatabaseSummary } | { ok: false; problem: string } | null
  files: { path: string; ok: boolean; problem?: string }[]
}

/** Runs in a worker (or through `new Function` when no worker can start): `require` and the request, nothing else. */
const INSPECT_SOURCE = String.raw`
const fs = require('node:fs');
const { createHash } = require('node:crypto');

function hashFile(path) {
  const hash = createHash('sha256');
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    let read;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function count(db, table) {
  try { return db.prepare('SELECT count(*) AS n FROM "' + table + '"').get().n; } catch { return 0; }
}

function summarize(db, request) {
  const has = (name) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
  const commune = has('commune') ? db.prepare('SELECT name, insee_code AS inseeCode FROM commune WHERE id = 1').get() : undefined;
  const last = has('audit_log') ? db.prepare('SELECT at, profile_name AS by FROM audit_log ORDER BY id DESC LIMIT 1').get() : undefined;
  const migrations = has('__drizzle_migrations')
    ? db.prepare('SELECT count(*) AS n, max(created_at) AS latest FROM __drizzle_migrations').get()
    : { n: 0, latest: null };
  const sources = request.storedFileSources.filter((s) => has(s.table));
  const documents = sources.length === 0 ? [] : db
    .prepare('SELECT sha256, max(size) AS size FROM (' + sources.map((s) => 'SELECT ' + s.hash + ' AS sha256, ' + s.size + ' AS size FROM ' + s.table + ' WHERE ' + s.hash + ' IS NOT NULL').join(' UNION ALL ') + ') GROUP BY sha256 ORDER BY sha256')
    .all();
  return {
    commune: commune ? { name: commune.name, inseeCode: commune.inseeCode } : null,
    counts: {
      projects: count(db, 'projects'),
      tasks: count(db, 'tasks'),
      campaigns: count(db, 'campaigns'),
      members: count(db, 'members'),
      profiles: count(db, 'profiles'),
      documents: documents.length,
      auditRows: count(db, 'audit_log'),
    },
    lastChange: last ? { at: last.at, by: last.by } : null,
    lastMigration: migrations.latest === null ? null : Number(migrations.latest),
    migrations: migrations.n,
    documents: documents.map((d) => ({ sha256: d.sha256, size: d.size })),
  };
}

function inspectDatabase(request) {
  let db;
  try {
    const Database = require(request.sqliteModule);
    db = new Database(request.databaseFile, request.nativeBinding ? { fileMustExist: true, nativeBinding: request.nativeBinding } : { fileMustExist: true });
    // A copy stands alone: no -wal or -shm file beside it.
    db.pragma('journal_mode = DELETE');
    const rows = db.pragma(request.check === 'quick' ? 'quick_check' : 'integrity_check');
    const messages = rows.map((row) => Object.values(row)[0]);
    if (messages.length !== 1 || messages[0] !== 'ok') return { ok: false, problem: messages.slice(0, 5).join(' ; ') };
    const fk = db.pragma('foreign_key_check');
    if (fk.length > 0) return { ok: false, problem: 'références cassées dans ' + [...new Set(fk.map((r) => r.table))].join(', ') };
    const summary = summarize(db, request);
    db.close();
    db = undefined;
    return { ok: true, size: fs.statSync(request.databaseFile).size, sha256: hashFile(request.databaseFile), summary };
  } catch (error) {
    return { ok: false, problem: error && error.message ? error.message : String(error) };
  } finally {
    if (db) db.close();
  }
}

function inspect(request) {
  const database = request.databaseFile ? inspectDatabase(request) : null;
  const files = (request.files || []).map((file) => {
    try {
      const actual = hashFile(file.path);
      return actual === file.sha256 ? { path: file.path, ok: true } : { path: file.path, ok: false, problem: 'contenu différent de son empreinte' };
    } catch (error) {
      return { path: file.path, ok: false, problem: error && error.code === 'ENOENT' ? 'fichier absent' : String(error && error.message) };
    }
  });
  return { database, files };
}
`

const WORKER_SOURCE = `${INSPECT_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
let result;
try { result = inspect(workerData.request); }
catch (error) { result = { database: { ok: false, problem: String(error && error.message) }, files: [] }; }
if (workerData.port) { workerData.port.postMessage(result); workerData.port.close(); }
else parentPort.postMessage(result);
if (workerData.signal) { Atomics.store(workerData.signal, 0, 1); Atomics.notify(workerData.signal, 0); }
`

/**
 * better-sqlite3's entry file. In the packaged app node_modules sit inside app.asar; a worker reads the unpacked copy
 * (electron-builder.yml unpacks better-sqlite3) so that it does not depend on the archive being readable there.
 */
export function sqliteModulePath(): string {
  const resolved = createRequire(import.meta.url).resolve('better-sqlite3')
  const unpacked = resolved.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`)
  return unpacked !== resolved && existsSync(unpacked) ? unpacked : resolved
}

type WireRequest = InspectRequest & { sqliteModule: string; storedFileSources: typeof STORED_FILE_SOURCES }

function wire(request: InspectRequest): WireRequest {
  return { ...request, sqliteModule: sqliteModulePath(), storedFileSources: STORED_FILE_SOURCES }
}

function inThisThread(request: WireRequest): InspectResult {
  const run = new Function('require', 'request', `${INSPECT_SOURCE}\nreturn inspect(request);`) as (
    require: NodeJS.Require,
    request: WireRequest,
  ) => InspectResult
  return run(createRequire(import.meta.url), request)
}

/** In a worker thread; the app keeps answering. Falls back to this thread if no worker can start. */
export function inspect(request: InspectRequest): Promise<InspectResult> {
  const payload = wire(request)
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { request: payload } })
    } catch {
      resolve(inThisThread(payload))
      return
    }
    let settled = false
    worker.once('message', (result: InspectResult) => {
      settled = true
      resolve(result)
    })
    worker.once('error', (error) => {
      if (!settled) reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`vérification interrompue (code ${code})`))
    })
  })
}

/** The same, waiting for the worker: only where nothing else runs yet (before migrations at startup). */
export function inspectSync(request: InspectRequest): InspectResult {
  const payload = wire(request)
  const { port1, port2 } = new MessageChannel()
  const signal = new Int32Array(new SharedArrayBuffer(4))
  let worker: Worker
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { request: payload, port: port2, signal }, transferList: [port2] })
  } catch {
    return inThisThread(payload)
  }
  // Bounded: a worker that died without a word must not hang the startup.
  Atomics.wait(signal, 0, 0, 30 * 60 * 1000)
  const message = receiveMessageOnPort(port1)
  void worker.terminate()
  port1.close()
  if (!message) throw new Error('vérification interrompue')
  return message.message as InspectResult
}
