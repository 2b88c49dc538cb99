/**
 * The commune's data as a whole: backups (automatic once a day, before migrations, on demand), restoring one,
 * exporting the commune to a `.capcommune` file and importing one. One such operation at a time; each reports its
 * step in words through `onProgress`. The live database is reached through `LiveDatabase`, which the core
 * implements: it holds every call while files are swapped.
 */
import type Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/format'
import { archiveFileName, readArchive, writeArchive } from './archive'
import { BackupEngine, type BackupEngineOptions, type DataOperation, type MadeBackup, type OperationProgress } from './engine'
import { copyLiveDatabase } from './copy'
import { inspect } from './inspect'
import { BACKUP_DATABASE_FILE, MANIFEST_FILE, MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION, type BackupKind, type Manifest } from './manifest'
import { addMissingDocuments, newStagingDir, stageDatabaseCopy, swapDatabaseFiles, verifyStaged, type Report, type StagedData } from './restore'
import { storageMessage } from './storage-errors'
import type { StoredBackup } from './store'
import { writeFile } from 'node:fs/promises'

export interface LiveDatabase {
  /** The open connection; null while the app is in recovery (the file could not be opened). */
  sqlite(): Database.Database | null
  /**
   * With every call held: checkpoints and closes the connection, runs `swap` on the files, opens the new file (with
   * migrations). When it does not open, runs the swap's `undo`, reopens the previous file and rejects.
   */
  replace(swap: () => { undo(): void; done(): void }): Promise<void>
}

export interface DataServiceOptions extends Omit<BackupEngineOptions, 'onProgress'> {
  live: LiveDatabase
  knownMigrations: ReadonlySet<number>
  onProgress(progress: OperationProgress | null): void
}

const DAY_MS = 24 * 60 * 60 * 1000
/** Checked every hour while the app stays open, so a PC never switched off still gets its daily backup. */
const DAILY_CHECK_MS = 60 * 60 * 1000

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`
}

export interface PreparedImport {
  token: string
  manifest: Manifest
}

export class DataService {
  readonly engine: BackupEngine
  private running: OperationProgress | null = null
  private current$: Promise<unknown> | null = null
  private timer: NodeJS.Timeout | null = null
  private readonly prepared = new Map<string, StagedData>()

  constructor(private readonly options: DataServiceOptions) {
    this.engine = new BackupEngine({ ...options, onProgress: (progress) => this.report(progress.operation, progress) })
  }

  get current(): OperationProgress | null {
    return this.running
  }

  private report(operation: DataOperation, progress: Omit<OperationProgress, 'operation'>): void {
    this.running = { ...progress, operation }
    this.options.onProgress(this.running)
  }

  private async exclusive<T>(operation: DataOperation, run: (report: Report) => Promise<T>): Promise<T> {
    // A backup asked for while another one runs (the automatic one, say) waits for it rather than being refused.
    while (operation === 'backup' && this.running?.operation === 'backup' && this.current$) await this.current$.catch(() => undefined)
    if (this.running) {
      const what = { backup: 'une sauvegarde', restore: 'une restauration', export: 'un export', import: 'une importation' }[this.running.operation]
      throw new AppError(
        'CONFLICT',
        `Cap Commune fait déjà ${what} : attendez qu'elle se termine (la progression est affichée dans Paramètres › Données).`,
      )
    }
    const report: Report = (progress) => this.report(operation, progress)
    report({ step: 'Préparation', done: 0, total: 100 })
    const work = run(report)
    this.current$ = work
    try {
      return await work
    } finally {
      this.current$ = null
      this.running = null
      this.options.onProgress(null)
    }
  }

  private live(): Database.Database {
    const sqlite = this.options.live.sqlite()
    if (!sqlite) throw new AppError('CONFLICT', "Vos données ne sont pas ouvertes : restaurez d'abord une sauvegarde.")
    return sqlite
  }

  backupNow(kind: BackupKind, madeBy: string): Promise<MadeBackup> {
    return this.exclusive('backup', () => this.engine.backup(this.live(), kind, madeBy))
  }

  /** The first launch of each day makes one (a failure is recorded and shown, never thrown at anyone). */
  async dailyBackupIfDue(): Promise<void> {
    const sqlite = this.options.live.sqlite()
    if (!sqlite || this.running) return
    const hasCommune = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'commune'").get() && sqlite.prepare('SELECT 1 FROM commune').get()
    if (!hasCommune) return
    const today = localDay(this.options.now())
    const latest = this.engine.local.list().backups[0]
    if (latest && localDay(new Date(latest.manifest.createdAt)) === today) return
    await this.backupNow('quotidienne', 'Automatique').catch((error: unknown) => this.options.log('Sauvegarde quotidienne impossible', error))
  }

  startSchedule(delayMs = 5_000): void {
    this.stopSchedule()
    const tick = () => void this.dailyBackupIfDue()
    this.timer = setTimeout(() => {
      tick()
      this.timer = setInterval(tick, DAILY_CHECK_MS)
      this.timer.unref()
    }, delayMs)
    this.timer.unref()
  }

  stopSchedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Whether the home page must warn: no good backup for a week, the second location missing for days. */
  warnings(): string[] {
    const now = this.options.now().getTime()
    const warnings: string[] = []
    const latest = this.engine.local.list().backups[0]
    const settings = this.engine.settings()
    if (!latest || now - new Date(latest.manifest.createdAt).getTime() > 7 * DAY_MS) {
      warnings.push(
        latest
          ? `La dernière sauvegarde vérifiée date du ${formatDate(latest.manifest.createdAt)}, il y a plus d'une semaine. Faites-en une maintenant (Paramètres › Données).`
          : "Aucune sauvegarde vérifiée n'existe encore. Faites-en une maintenant (Paramètres › Données).",
      )
    }
    const second = settings.secondLocation
    if (second) {
      const since = new Date(second.lastCopyAt ?? second.chosenAt).getTime()
      if (now - since > 3 * DAY_MS) {
        warnings.push(
          `Le second emplacement des sauvegardes (${second.path}) est injoignable depuis ${second.lastCopyAt ? `le ${formatDate(second.lastCopyAt)}` : 'son choix'} : rebranchez la clé USB ou le disque réseau, puis cliquez sur « Sauvegarder maintenant ».`,
        )
      }
    }
    return warnings
  }

  private stageOptions(label: string, report: Report) {
    return { dataDir: this.options.dataDir, knownMigrations: this.options.knownMigrations, nativeBinding: this.options.nativeBinding, label, report }
  }

  /** Restores one local backup, after backing up the current state (when it can be read). */
  restore(id: string, madeBy: string): Promise<{ safetyBackupId: string | null }> {
    return this.exclusive('restore', async (report) => {
      const backup = this.engine.local.list().backups.find((b) => b.id === id)
      if (!backup) throw new AppError('NOT_FOUND', "Cette sauvegarde n'existe plus : la liste a peut-être changé. Rechargez la page.")
      const label = `La sauvegarde du ${formatDate(backup.manifest.createdAt)}`
      report({ step: 'Vérification de la sauvegarde', done: 5, total: 100 })
      const { dir, databaseFile } = await stageDatabaseCopy(join(backup.dir, BACKUP_DATABASE_FILE), this.options.dataDir, label)
      const staged: StagedData = { dir, databaseFile, manifest: backup.manifest, documentPath: (sha) => this.engine.local.documentPath(sha) }
      try {
        await verifyStaged(staged, this.stageOptions(label, report))
        const safety = await this.safetyBackup('avant-restauration', madeBy, report)
        await this.apply(staged, report)
        return { safetyBackupId: safety?.id ?? null }
      } finally {
        await rm(dir, { recursive: true, force: true }).catch(() => undefined)
      }
    })
  }

  /** The current state, kept before it is replaced; skipped only when there is nothing readable to keep. */
  private async safetyBackup(kind: BackupKind, madeBy: string, report: Report): Promise<StoredBackup | null> {
    const sqlite = this.options.live.sqlite()
    if (!sqlite) return null
    const hasCommune = sqlite.prepare('SELECT 1 FROM commune').get()
    if (!hasCommune) return null
    report({ step: "Sauvegarde de l'état actuel", done: 35, total: 100 })
    const made = await this.engine.backup(sqlite, kind, madeBy)
    return made.backup
  }

  private async apply(staged: StagedData, report: Report): Promise<void> {
    report({ step: 'Copie des documents', done: 55, total: 100 })
    await addMissingDocuments(staged, this.options.documentsDir, report)
    report({ step: 'Remplacement des données', done: 85, total: 100 })
    try {
      await this.options.live.replace(() => swapDatabaseFiles(this.options.dataDir, staged.databaseFile))
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError(
        'CONFLICT',
        storageMessage(error, this.options.dataDir) ??
          `Les données n'ont pas pu être remplacées (${error instanceof Error ? error.message : String(error)}) : vos données d'avant sont restées en place.`,
      )
    }
    report({ step: 'Terminé', done: 100, total: 100 })
  }

  /** Exports the whole commune to `destination` (a `.capcommune` file). */
  exportTo(destination: string, madeBy: string): Promise<{ size: number }> {
    return this.exclusive('export', async (report) => {
      const sqlite = this.live()
      const dir = await newStagingDir(this.options.dataDir)
      try {
        const copy = join(dir, BACKUP_DATABASE_FILE)
        report({ step: 'Copie de la base de données', done: 5, total: 100 })
        await copyLiveDatabase(sqlite, copy, { nativeBinding: this.options.nativeBinding })
        report({ step: 'Vérification de la copie', done: 15, total: 100 })
        const checked = await inspect({ databaseFile: copy, check: 'full', nativeBinding: this.options.nativeBinding })
        const database = checked.database!
        if (!database.ok) {
          throw new AppError(
            'CONFLICT',
            `La base de données ne passe pas la vérification (${database.problem}) : l'export n'a pas été fait. Restaurez la dernière sauvegarde vérifiée ou contactez l'assistance.`,
          )
        }
        const missing = database.summary.documents.filter((d) => !existsSync(join(this.options.documentsDir, d.sha256)))
        if (missing.length > 0) {
          throw new AppError(
            'CONFLICT',
            `${missing.length} document(s) joint(s) sont introuvables dans le dossier de données : l'export n'a pas été fait. Restaurez une sauvegarde qui les contient, ou retirez ces documents.`,
          )
        }
        const now = this.options.now().toISOString()
        const referentiel = this.options.referentielVersion()
        const manifest: Manifest = {
          format: MANIFEST_FORMAT,
          formatVersion: MANIFEST_FORMAT_VERSION,
          id: `export-${now.slice(0, 10)}`,
          kind: 'export',
          createdAt: now,
          madeBy,
          app: { version: this.options.appVersion },
          schema: { migrations: database.summary.migrations, lastMigration: database.summary.lastMigration },
          referentiel: referentiel ? { version: referentiel } : null,
          commune: database.summary.commune,
          counts: database.summary.counts,
          lastChange: database.summary.lastChange,
          database: { file: BACKUP_DATABASE_FILE, size: database.size, sha256: database.sha256 },
          documents: database.summary.documents,
          missingDocuments: [],
          verifiedAt: now,
        }
        await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
        const written = await writeArchive({ sourceDir: dir, manifest, documentsDir: this.options.documentsDir, destination, report })
        report({ step: 'Export terminé', done: 100, total: 100 })
        return written
      } catch (error) {
        if (error instanceof AppError) throw error
        throw new AppError(
          'CONFLICT',
          storageMessage(error, destination) ??
            `L'export a échoué (${error instanceof Error ? error.message : String(error)}). Vos données n'ont pas été modifiées.`,
        )
      } finally {
        await rm(dir, { recursive: true, force: true }).catch(() => undefined)
      }
    })
  }

  suggestedExportName(): string {
    const sqlite = this.options.live.sqlite()
    const row = sqlite?.prepare('SELECT name FROM commune WHERE id = 1').get() as { name: string } | undefined
    return archiveFileName(row?.name ?? null, this.options.now())
  }

  /** Reads and checks a whole archive into a staging folder; nothing of the current data is touched. */
  prepareImport(file: string, fileName: string): Promise<PreparedImport> {
    return this.exclusive('import', async (report) => {
      for (const token of [...this.prepared.keys()]) await this.cancelImport(token)
      const label = `Le fichier « ${fileName} »`
      const dir = await newStagingDir(this.options.dataDir)
      try {
        const { manifest } = await readArchive(file, dir, label, report)
        const staged: StagedData = {
          dir,
          databaseFile: join(dir, BACKUP_DATABASE_FILE),
          manifest,
          documentPath: (sha) => join(dir, 'documents', sha),
        }
        await verifyStaged(staged, this.stageOptions(label, report))
        const token = randomBytes(12).toString('hex')
        this.prepared.set(token, staged)
        report({ step: 'Fichier vérifié', done: 100, total: 100 })
        return { token, manifest }
      } catch (error) {
        await rm(dir, { recursive: true, force: true }).catch(() => undefined)
        if (error instanceof AppError) throw error
        throw new AppError(
          'CONFLICT',
          storageMessage(error, this.options.dataDir) ?? `${label} n'a pas pu être lu (${(error as Error).message}). Rien n'a été modifié.`,
        )
      }
    })
  }

  async cancelImport(token: string): Promise<void> {
    const staged = this.prepared.get(token)
    this.prepared.delete(token)
    if (staged) await rm(staged.dir, { recursive: true, force: true }).catch(() => undefined)
  }

  /** Replaces the current data with a prepared archive, after backing the current state up. */
  importPrepared(token: string, madeBy: string): Promise<{ safetyBackupId: string | null }> {
    const staged = this.prepared.get(token)
    if (!staged) {
      return Promise.reject(new AppError('NOT_FOUND', "Ce fichier n'est plus prêt à être importé : choisissez-le à nouveau."))
    }
    return this.exclusive('import', async (report) => {
      try {
        const safety = await this.safetyBackup('avant-import', madeBy, report)
        await this.apply(staged, report)
        return { safetyBackupId: safety?.id ?? null }
      } finally {
        this.prepared.delete(token)
        await rm(staged.dir, { recursive: true, force: true }).catch(() => undefined)
      }
    })
  }

  async close(): Promise<void> {
    this.stopSchedule()
    for (const token of [...this.prepared.keys()]) await this.cancelImport(token)
  }
}
