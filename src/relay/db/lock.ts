/**
 * PGlite is single-process: two processes on one data folder corrupt it. The first process takes `relay.lock` in the
 * folder (created exclusively) and writes its pid and the address of its admin channel; a second one is refused.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE = 'relay.lock'

export interface LockInfo {
  pid: number
  /** Unix socket or named pipe of the running relay's admin channel; null while it starts. */
  adminSocket: string | null
  startedAt: string
}

export class FolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `Le dossier de données ${dataDir} est déjà utilisé par un autre relais (processus ${holder.pid}). ` +
        'La base intégrée (PGlite) ne peut servir qu’un seul processus : arrêtez l’autre relais, choisissez un autre ' +
        'dossier (RELAY_DATA_DIR), ou utilisez PostgreSQL (RELAY_DATABASE_URL) pour plusieurs processus.',
    )
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The lock's holder when a live process holds it, else null (a stale lock of a dead process does not count). */
export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockInfo
    return Number.isInteger(info.pid) && info.pid !== process.pid && alive(info.pid) ? info : null
  } catch {
    return null
  }
}

export interface FolderLock {
  update(info: Partial<LockInfo>): void
  release(): void
}

export function lockFolder(dataDir: string): FolderLock {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  let info: LockInfo = { pid: process.pid, adminSocket: null, startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600)
      writeSync(fd, JSON.stringify(info))
      closeSync(fd)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        const holder = readLock(dataDir)
        if (holder) throw new FolderLockedError(dataDir, holder)
        if (attempt > 0) throw error
      }
      const holder = readLock(dataDir)
      if (holder) throw new FolderLockedError(dataDir, holder)
      // A lock left by a process that died: take it over.
      unlinkSync(path)
    }
  }
  let released = false
  const release = () => {
    if (released) return
    released = true
    try {
      const current = JSON.parse(readFileSync(path, 'utf8')) as LockInfo
      if (current.pid === process.pid) unlinkSync(path)
    } catch {
      // Already gone.
    }
  }
  process.once('exit', release)
  return {
    update(partial) {
      info = { ...info, ...partial }
      const fd = openSync(path, 'w', 0o600)
      writeSync(fd, JSON.stringify(info))
      closeSync(fd)
    },
    release() {
      process.removeListener('exit', release)
      release()
    },
  }
}
