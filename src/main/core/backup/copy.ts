/**
 * The online copy of the live database (SQLite's backup API), made in a worker thread on a connection of its own.
 * On the app's thread the last step of a backup — the copy's commit, which syncs the whole new file to disk — held
 * the app for about 200 ms on a 200 MB commune (bench/backup.ts), however small the steps before it. In a worker
 * nothing the user does waits for it. The copy is one step: a step reads inside one read transaction, so the app's
 * writes meanwhile (WAL) neither wait for it nor restart it, and the copy is the database as it was at that instant.
 */
import type Database from 'better-sqlite3'
import { Worker } from 'node:worker_threads'
import { sqliteModulePath } from './inspect'

/** Plain CommonJS in a string, like inspect.ts's worker: it runs the same from vitest, tsx and the packaged app. */
const COPY_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  let db;
  try {
    const Database = require(workerData.sqliteModule);
    db = new Database(workerData.from, workerData.nativeBinding ? { fileMustExist: true, nativeBinding: workerData.nativeBinding } : { fileMustExist: true });
    // The first call copies nothing; the second copies every page at once (0x7fffffff pages).
    await db.backup(workerData.to, { progress: () => 0x7fffffff });
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) });
  } finally {
    if (db) db.close();
  }
})();
`

/** Pages copied per step when no worker can start (4 KiB each): about a millisecond of work between two calls. */
export const PAGES_PER_STEP = 256

/**
 * Copies the live database to `destination`. `onProgress` gets the share done (0 to 1) when it is known (only on
 * the app's thread, where no worker could start).
 */
export async function copyLiveDatabase(
  sqlite: Database.Database,
  destination: string,
  options: { nativeBinding?: string; onProgress?(share: number): void } = {},
): Promise<void> {
  let worker: Worker
  try {
    worker = new Worker(COPY_SOURCE, {
      eval: true,
      workerData: { sqliteModule: sqliteModulePath(), from: sqlite.name, to: destination, nativeBinding: options.nativeBinding },
    })
  } catch {
    await sqlite.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.((totalPages - remainingPages) / Math.max(1, totalPages))
        return PAGES_PER_STEP
      },
    })
    return
  }
  await new Promise<void>((resolve, reject) => {
    let settled = false
    worker.once('message', (result: { ok: boolean; message?: string }) => {
      settled = true
      if (result.ok) resolve()
      else reject(new Error(result.message))
    })
    worker.once('error', (error) => {
      if (!settled) reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`copie interrompue (code ${code})`))
    })
  })
}
