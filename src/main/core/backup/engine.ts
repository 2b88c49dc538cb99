/**
 * Making backups of the live commune: the database through SQLite's online backup API in a worker thread (copy.ts:
 * the app keeps answering), then every stored document the copy points to, then a read-back in a worker
 * (integrity check of the copy, SHA-256 of the copy and of each document added). Only then does the backup get its
 * final name. Then rotation, then the copy to the second location when one is set.
 */
import type Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { copyFile, rm, statfs } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { STORED_FILES_SQL } from '../file-store/usage'
import { copyLiveDatabase } from './copy'
import { inspect, inspectSync, type DatabaseSummary, type InspectResult } from './inspect'
import { BACKUP_DATABASE_FILE, MANIFEST_FILE, MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION, backupId, type BackupKind, type Manifest } from './manifest'
import { backupsToKeep, DEFAULT_ROTATION, type RotationPolicy } from './rotation'
import { readBackupSettings, writeBackupSettings, type BackupSettings } from './settings'
import { storageMessage } from './storage-errors'
import { BackupStore, type StoredBackup } from './store'
import { formatDecimal, formatInteger } from '../../../shared/format'

export const BACKUP_FOLDER_NAME = 'sauvegardes'
/** The folder created inside the second location the user chose. */
export const SECOND_LOCATION_FOLDER = 'Sauvegardes Cap Commune'
/** A backup leaves at least this much free on the disk, or is not made (and the user is told). */
export const MIN_FREE_BYTES = 256 * 1024 * 1024

export type DataOperation = 'backup' | 'restore' | 'export' | 'import'

export interface OperationProgress {
  operation: DataOperation
  /** The step, in words: « Copie des documents (12 sur 40) ». */
  step: string
  done: number
  total: number
}

export interface BackupEngineOptions {
  dataDir: string
  /** The live document store, `<dataDir>/pieces-jointes`. */
  documentsDir: string
  appVersion: string
  referentielVersion(): string | null
  nativeBinding?: string
  now(): Date
  log(message: string, error?: unknown): void
  onProgress(progress: OperationProgress): void
  /** Free bytes on the disk holding `path` (tests simulate a full disk with it). */
  freeBytes?(path: string): Promise<number>
  rotation?: RotationPolicy
}

export interface MadeBackup {
  backup: StoredBackup
  secondLocation: { copied: boolean; problem: string | null } | null
}

async function systemFreeBytes(path: string): Promise<number> {
  const stats = await statfs(path)
  return stats.bavail * stats.bsize
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${formatDecimal(bytes / 1024 ** 3)} Go`
  return `${formatInteger(Math.max(1, Math.round(bytes / 1024 ** 2)))} Mo`
}

/** A French failure of a backup; `AppError` so the dispatcher passes its message as it is. */
export function backupFailure(message: string): AppError {
  return new AppError('CONFLICT', message)
}

/** The SHA-256 and size of every document the live database points to. */
function liveDocuments(sqlite: Database.Database): { sha256: string; size: number }[] {
  return sqlite.prepare(STORED_FILES_SQL).all() as { sha256: string; size: number }[]
}

function databaseBytes(sqlite: Database.Database): number {
  return (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number)
}

export class BackupEngine {
  readonly local: BackupStore
  private readonly rotation: RotationPolicy
  private readonly freeBytes: (path: string) => Promise<number>

  constructor(private readonly options: BackupEngineOptions) {
    this.local = new BackupStore(join(options.dataDir, BACKUP_FOLDER_NAME))
    this.rotation = options.rotation ?? DEFAULT_ROTATION
    this.freeBytes = options.freeBytes ?? systemFreeBytes
  }

  settings(): BackupSettings {
    return readBackupSettings(this.options.dataDir)
  }

  updateSettings(change: (settings: BackupSettings) => BackupSettings): BackupSettings {
    const next = change(this.settings())
    writeBackupSettings(this.options.dataDir, next)
    return next
  }

  secondStore(): BackupStore | null {
    const location = this.settings().secondLocation
    return location ? new BackupStore(join(location.path, SECOND_LOCATION_FOLDER)) : null
  }

  /** At start: what a crash may have left half-written in the backup folder. */
  removeLeftovers(): void {
    this.local.removeLeftovers()
  }

  private progress(step: string, done: number, total: number): void {
    this.options.onProgress({ operation: 'backup', step, done, total })
  }

  private manifestFor(
    id: string,
    kind: BackupKind,
    madeBy: string,
    database: { size: number; sha256: string },
    summary: DatabaseSummary,
    missing: string[],
  ): Manifest {
    const referentiel = this.options.referentielVersion()
    return {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_FORMAT_VERSION,
      id,
      kind,
      createdAt: this.options.now().toISOString(),
      madeBy,
      app: { version: this.options.appVersion },
      schema: { migrations: summary.migrations, lastMigration: summary.lastMigration },
      referentiel: referentiel ? { version: referentiel } : null,
      commune: summary.commune,
      counts: summary.counts,
      lastChange: summary.lastChange,
      database: { file: BACKUP_DATABASE_FILE, size: database.size, sha256: database.sha256 },
      documents: summary.documents,
      missingDocuments: missing,
      verifiedAt: this.options.now().toISOString(),
    }
  }

  /** Refuses (in French) when the backup would leave the disk nearly full. */
  private async checkRoom(sqlite: Database.Database): Promise<void> {
    const root = this.local.root
    const pool = this.local
    const newDocuments = liveDocuments(sqlite)
      .filter((d) => !existsSync(pool.documentPath(d.sha256)))
      .reduce((sum, d) => sum + d.size, 0)
    const needed = databaseBytes(sqlite) + newDocuments
    const free = await this.freeBytes(root)
    if (free - needed < MIN_FREE_BYTES) {
      throw backupFailure(
        `La sauvegarde n'a pas été faite : il ne resterait presque plus de place sur le disque (${formatSize(free)} libres, ${formatSize(needed)} nécessaires, ${formatSize(MIN_FREE_BYTES)} à garder libres). Vos données n'ont pas été touchées. Libérez de la place sur le disque, puis cliquez sur « Sauvegarder maintenant ».`,
      )
    }
  }

  /**
   * A backup of the running app. Throws a French AppError (and records it for the home page) when it cannot be
   * made; the live data are never touched either way.
   */
  async backup(sqlite: Database.Database, kind: BackupKind, madeBy: string): Promise<MadeBackup> {
    let staging: string | null = null
    try {
      this.local.ensure()
      await this.checkRoom(sqlite)
      staging = await this.local.newStaging()
      const copy = join(staging, BACKUP_DATABASE_FILE)
      this.progress('Copie de la base de données', 0, 100)
      await copyLiveDatabase(sqlite, copy, {
        nativeBinding: this.options.nativeBinding,
        onProgress: (share) => this.progress(`Copie de la base de données (${Math.round(share * 100)} %)`, share * 40, 100),
      })
      this.progress('Vérification de la copie de la base', 40, 100)
      const checked = await inspect({ databaseFile: copy, check: 'full', nativeBinding: this.options.nativeBinding })
      const database = checked.database!
      if (!database.ok) {
        throw backupFailure(
          `La copie de la base de données ne passe pas la vérification (${database.problem}) : vos données actuelles sont peut-être endommagées. La sauvegarde n'a pas été enregistrée ; les précédentes sont intactes. Restaurez la dernière sauvegarde vérifiée (Paramètres › Données) ou contactez l'assistance.`,
        )
      }
      const { added, missing } = await this.copyDocuments(database.summary.documents, (done, total) =>
        this.progress(`Copie des documents (${done} sur ${total})`, 50 + (done / Math.max(1, total)) * 35, 100),
      )
      this.progress('Vérification des documents copiés', 85, 100)
      await this.verifyAdded(added)
      const id = this.local.freeId(backupId(this.options.now(), kind))
      const made = await this.local.commit(staging, this.manifestFor(id, kind, madeBy, database, database.summary, missing))
      staging = null
      this.progress('Rangement des anciennes sauvegardes', 92, 100)
      await this.rotate(this.local)
      const secondLocation = await this.copyToSecondLocation(made)
      this.updateSettings((s) => ({ ...s, lastFailure: null }))
      this.progress('Sauvegarde terminée', 100, 100)
      return { backup: made, secondLocation }
    } catch (error) {
      const failure =
        error instanceof AppError
          ? error
          : backupFailure(
              storageMessage(error, this.local.root) ??
                `La sauvegarde a échoué (${error instanceof Error ? error.message : String(error)}). Vos données n'ont pas été touchées ; les sauvegardes précédentes sont intactes.`,
            )
      if (!(error instanceof AppError)) this.options.log('Sauvegarde impossible', error)
      try {
        this.updateSettings((s) => ({ ...s, lastFailure: { at: this.options.now().toISOString(), message: failure.message } }))
      } catch {
        // The data folder itself refuses writes: the message says so already.
      }
      throw failure
    } finally {
      if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined)
    }
  }

  /** Copies the documents the pool lacks; returns those added (to verify) and those missing from the data folder. */
  private async copyDocuments(
    documents: { sha256: string }[],
    report: (done: number, total: number) => void,
  ): Promise<{ added: { path: string; sha256: string }[]; missing: string[] }> {
    const added: { path: string; sha256: string }[] = []
    const missing: string[] = []
    let done = 0
    report(0, documents.length)
    for (const { sha256 } of documents) {
      const source = join(this.options.documentsDir, sha256)
      if (!existsSync(this.local.documentPath(sha256))) {
        if (!existsSync(source)) missing.push(sha256)
        else {
          const result = await this.local.addDocument(source, sha256)
          if (result.added) added.push({ path: result.path, sha256 })
        }
      }
      done++
      if (done % 10 === 0 || done === documents.length) report(done, documents.length)
    }
    return { added, missing }
  }

  /** A document whose copy does not match its checksum is removed from the pool and the backup fails. */
  private async verifyAdded(added: { path: string; sha256: string }[], result?: InspectResult): Promise<void> {
    if (added.length === 0) return
    const checked = result ?? (await inspect({ files: added }))
    const bad = checked.files.filter((f) => !f.ok)
    if (bad.length === 0) return
    for (const file of bad) rmSync(file.path, { force: true })
    throw backupFailure(
      `${bad.length} document(s) copié(s) ne correspondent pas à l'original (${bad[0]!.problem}). La sauvegarde n'a pas été enregistrée ; vérifiez le disque, puis réessayez.`,
    )
  }

  /**
   * The backup taken before migrations, while nothing else runs yet: VACUUM INTO (a consistent copy even with WAL
   * pages not yet checkpointed), documents, read-back, all synchronous.
   */
  backupSync(sqlite: Database.Database, kind: BackupKind, madeBy: string): StoredBackup {
    this.local.ensure()
    this.local.removeLeftovers()
    const staging = join(this.local.root, `.en-cours-${process.pid}-${Date.now()}`)
    mkdirSync(staging)
    try {
      const copy = join(staging, BACKUP_DATABASE_FILE)
      sqlite.prepare('VACUUM INTO ?').run(copy)
      const first = inspectSync({ databaseFile: copy, check: 'full', nativeBinding: this.options.nativeBinding })
      const database = first.database!
      if (!database.ok) throw new Error(`la copie ne passe pas la vérification : ${database.problem}`)
      const added: { path: string; sha256: string }[] = []
      const missing: string[] = []
      for (const { sha256 } of database.summary.documents) {
        const target = this.local.documentPath(sha256)
        const source = join(this.options.documentsDir, sha256)
        if (existsSync(target)) continue
        if (!existsSync(source)) {
          missing.push(sha256)
          continue
        }
        const temp = `${target}.${process.pid}.tmp`
        copyFileSync(source, temp)
        renameSync(temp, target)
        added.push({ path: target, sha256 })
      }
      const bad = inspectSync({ files: added }).files.filter((f) => !f.ok)
      if (bad.length > 0) {
        for (const file of bad) rmSync(file.path, { force: true })
        throw new Error(`${bad.length} document(s) mal copié(s)`)
      }
      const id = this.local.freeId(backupId(this.options.now(), kind))
      const manifest = this.manifestFor(id, kind, madeBy, database, database.summary, missing)
      // The manifest last, then the final name: the backup exists whole or not at all.
      writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
      renameSync(staging, join(this.local.root, id))
      return this.local.list().backups.find((b) => b.id === id)!
    } catch (error) {
      rmSync(staging, { recursive: true, force: true })
      throw error
    }
  }

  /** Removes the backups the rotation does not keep, then the documents none of the remaining ones lists. */
  async rotate(store: BackupStore): Promise<void> {
    const { backups } = store.list()
    const keep = backupsToKeep(
      backups.map((b) => ({ id: b.id, createdAt: new Date(b.manifest.createdAt) })),
      this.options.now(),
      this.rotation,
    )
    for (const backup of backups) if (!keep.has(backup.id)) await store.remove(backup.id)
    await store.collectGarbage()
  }

  /** Copies one backup to the second location; never throws (the state records how it went). */
  async copyToSecondLocation(backup: StoredBackup): Promise<MadeBackup['secondLocation']> {
    const location = this.settings().secondLocation
    if (!location) return null
    const at = this.options.now().toISOString()
    this.progress('Copie vers le second emplacement', 94, 100)
    try {
      if (!existsSync(location.path) || !statSync(location.path).isDirectory()) {
        throw Object.assign(new Error('absent'), { code: 'ENOENT' })
      }
      const target = new BackupStore(join(location.path, SECOND_LOCATION_FOLDER))
      await this.mirror(backup, target)
      await this.rotate(target)
      this.updateSettings((s) => ({
        ...s,
        secondLocation: s.secondLocation && { ...s.secondLocation, lastAttemptAt: at, lastCopyAt: at, lastProblem: null },
      }))
      return { copied: true, problem: null }
    } catch (error) {
      const problem =
        error instanceof AppError
          ? error.message
          : (storageMessage(error, location.path) ??
            `La copie vers ${location.path} a échoué (${error instanceof Error ? error.message : String(error)}).`)
      this.options.log('Copie vers le second emplacement impossible', error)
      this.updateSettings((s) => ({ ...s, secondLocation: s.secondLocation && { ...s.secondLocation, lastAttemptAt: at, lastProblem: problem } }))
      return { copied: false, problem }
    }
  }

  /** The same backup, verified, in another folder (its documents pool shared with the backups already there). */
  async mirror(backup: StoredBackup, target: BackupStore): Promise<StoredBackup> {
    target.ensure()
    target.removeLeftovers()
    const staging = await target.newStaging()
    try {
      const copy = join(staging, BACKUP_DATABASE_FILE)
      await copyFile(join(backup.dir, BACKUP_DATABASE_FILE), copy)
      const added: { path: string; sha256: string }[] = []
      for (const { sha256 } of backup.manifest.documents) {
        const source = this.local.documentPath(sha256)
        if (!existsSync(source)) continue
        const result = await target.addDocument(source, sha256)
        if (result.added) added.push({ path: result.path, sha256 })
      }
      const checked = await inspect({ files: [{ path: copy, sha256: backup.manifest.database.sha256 }, ...added] })
      if (!checked.files[0]!.ok)
        throw backupFailure(`La copie de la base vers le second emplacement est différente de l'original : vérifiez le support, puis réessayez.`)
      await this.verifyAdded(added, { database: null, files: checked.files.slice(1) })
      return await target.commit(staging, { ...backup.manifest, id: target.freeId(backup.id) })
    } catch (error) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined)
      throw error
    }
  }
}
