import { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs'
import { basename, join } from 'node:path'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { contract, DATA_DOMAINS, DATA_PROGRESS_TASK, inputLimitOf, isMethodName, type EventName, type EventPayload } from '../../shared/contract'
import { AppError, type Result } from '../../shared/errors'
import { BACKUP_FOLDER_NAME } from './backup/engine'
import { repairInterruptedSwap, LIVE_DATABASE_FILE } from './backup/restore'
import { DataService } from './backup/service'
import type { CoreEnvironment, HostDialogs, IncomingFiles, Session } from './context'
import { closeDatabase, openDatabase, type OpenedDatabase } from './db/open'
import { DatabaseOpenError } from './db/errors'
import { FILE_STORE_FOLDER, removeStoreLeftovers } from './file-store/store'
import { loadCommuneDirectory, type CommuneDirectory } from './directory/directory'
import { createDispatcher } from './dispatcher'
import { handlers } from './handlers'
import { backupEntries } from './backup/entries'
import { findActor } from './session/actor'
import { profileToRestore } from './session/last-profile'
import { findAppRoot } from './paths'
import { fileVault, type SecretCipher } from './portal/vault'
import { sanitizeInput } from './security/text'
import { OutboxSender } from './portal/outbox'
import { sendContributionUpdates } from './portal/contribution-updates'
import { CitizensPuller, PULL_PROGRESS_TASK } from './portal/pull'
import { loadReferentiel, resolveDefaultReferentielFile, type LoadedReferentiel } from './referentiel/load'

export interface CoreOptions {
  dataDir: string
  migrationsFolder: string
  appVersion: string
  nativeBinding?: string
  /** The référentiel JSON; default `<appRoot>/resources/referentiel/referentiel.json` (the packaged app passes its own). */
  referentielFile?: string
  validateOutput?: boolean
  now?: () => Date
  /** The system viewer, for `attachments.open` and `evidence.open`: '' when the file opened, else why not. */
  openFile?: (filePath: string) => Promise<string>
  /** The system browser, for `app.openLink` (Electron: shell.openExternal); the browser host has none. */
  openExternal?: (url: string) => Promise<void>
  /** The Electron app's choosers (folder for the second backup location, archive to import, where to export). */
  dialogs?: HostDialogs
  /** Free bytes on a disk (tests simulate a full disk). */
  freeBytes?: (path: string) => Promise<number>
  log?: (message: string, error?: unknown) => void
  /** Encrypts the relay token at rest (Electron: safeStorage); without it the token is a file of the data folder. */
  secretCipher?: SecretCipher
  /** How the core reaches the relay; the global fetch by default (tests cut the network with it). */
  relayFetch?: typeof fetch
  /** How often the outbox is sent while the app runs (30 s by default). */
  portalIntervalMs?: number
  /** How often citizens' contributions are pulled while the app runs (5 min by default). */
  pullIntervalMs?: number
}

export interface Core {
  readonly dataDir: string
  /** The open database; throws while the app is in recovery (its file could not be opened). */
  readonly database: OpenedDatabase
  /** Why the data could not be opened at launch, or null. */
  readonly recovery: { problem: string } | null
  data: DataService
  /** Every call from every transport goes through here. */
  invoke(method: unknown, input: unknown, session: Session): Promise<Result<unknown>>
  /** Loads the commune directory ahead of the first search and starts the daily backup (hosts call it once listening). */
  warmUp(): void
  /** The outbox's sender (started by `warmUp`, stopped by `close`); `run()` sends what is due now. */
  readonly portalSender: OutboxSender
  /** The pull of citizens' contributions (started by `warmUp`, stopped by `close`); `run()` syncs now. */
  readonly citizensPuller: CitizensPuller
  /** A new session, opened on the last profile used when it has no password. */
  newSession(): Session
  /** A file the host received for the renderer (an upload): the id `archive.prepare` takes. */
  registerIncomingFile(path: string, fileName: string): { fileId: string; fileName: string }
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void
  close(): void
}

/** Methods that work while the data could not be opened. */
const RECOVERY_METHODS = new Set(['app.status', 'recovery.restore', 'archive.chooseFile', 'archive.prepare', 'archive.cancel', 'archive.import'])
/** A write is checkpointed into the main file once the app has been quiet this long. */
const CHECKPOINT_DELAY_MS = 2_000

function recoveryProblem(error: DatabaseOpenError): string {
  return error.kind === 'damaged'
    ? "Le fichier de vos données est endommagé : la vérification faite à l'ouverture a échoué (panne de courant, disque défaillant ?)."
    : "Le fichier de vos données ne peut pas être ouvert : il est endommagé ou ce n'est pas une base Cap Commune."
}

/** The Electron-free application: database, rules and the dispatcher. Both hosts (Electron, browser) wrap it. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''))
  const now = options.now ?? (() => new Date())
  const events = new EventEmitter()
  const documentsDir = join(options.dataDir, FILE_STORE_FOLDER)
  let directory: CommuneDirectory | null = null
  // Not cached when loading fails: the next call tries again (and says why again).
  let referentiel: LoadedReferentiel | null = null
  const loadedReferentiel = () => (referentiel ??= loadReferentiel(options.referentielFile ?? resolveDefaultReferentielFile(findAppRoot)))
  const knownMigrations = new Set(readMigrationFiles({ migrationsFolder: options.migrationsFolder }).map((m) => m.folderMillis))

  // What a crash may have left half-done: a swap of files, staging folders, half-written documents.
  mkdirSync(options.dataDir, { recursive: true })
  repairInterruptedSwap(options.dataDir)
  removeStoreLeftovers(options.dataDir)

  let database: OpenedDatabase | null = null
  let recovery: { problem: string } | null = null
  const sessions = new Set<Session>()
  const incomingFiles = new Map<string, { path: string; fileName: string }>()
  // Calls in flight, and the gate that holds new ones while the database file is being replaced.
  let inFlight = 0
  let gate: Promise<void> | null = null
  let checkpointTimer: NodeJS.Timeout | null = null

  const emit: CoreEnvironment['emit'] = (event, payload) => events.emit('event', event, payload)

  const data: DataService = new DataService({
    dataDir: options.dataDir,
    documentsDir,
    appVersion: options.appVersion,
    nativeBinding: options.nativeBinding,
    referentielVersion: () => {
      try {
        return loadedReferentiel().referentiel.version
      } catch {
        return null
      }
    },
    now,
    log,
    freeBytes: options.freeBytes,
    knownMigrations,
    // Task `donnees:<operation>` while one runs, `donnees:fin` when it is over.
    onProgress: (progress) => {
      emit('progress', {
        task: `${DATA_PROGRESS_TASK}:${progress?.operation ?? 'fin'}`,
        done: progress?.done ?? 0,
        total: progress?.total ?? 0,
        label: progress?.step ?? '',
      })
      // An operation over, whoever started it (the daily backup runs on its own): the backup list and warnings changed.
      if (!progress) emit('data.changed', { domains: ['backups'] })
    },
    live: {
      sqlite: () => database?.sqlite ?? null,
      replace: (swap) => replaceDatabase(swap),
    },
  })
  data.engine.removeLeftovers()

  const open = () =>
    openDatabase({
      dataDir: options.dataDir,
      migrationsFolder: options.migrationsFolder,
      nativeBinding: options.nativeBinding,
      backupBeforeMigration: (sqlite) => join(data.engine.backupSync(sqlite, 'avant-mise-a-jour', 'Cap Commune').dir, LIVE_DATABASE_FILE),
    })

  try {
    // Never an empty commune on top of a lost one: a missing file with backups beside it is a recovery too.
    const hasBackups = data.engine.local.list().backups.length > 0
    if (!existsSync(join(options.dataDir, LIVE_DATABASE_FILE)) && hasBackups) {
      recovery = { problem: 'Le fichier de vos données est introuvable dans le dossier de Cap Commune, alors que des sauvegardes existent.' }
    } else database = open()
  } catch (error) {
    if (!(error instanceof DatabaseOpenError) || (error.kind !== 'not-a-database' && error.kind !== 'damaged')) throw error
    log("Données illisibles à l'ouverture", error)
    recovery = { problem: recoveryProblem(error) }
  }

  const live = (): OpenedDatabase => {
    if (!database) throw new AppError('CONFLICT', "Vos données doivent d'abord être restaurées depuis une sauvegarde.")
    return database
  }

  const environment: CoreEnvironment = {
    get db() {
      return live().db
    },
    get sqlite() {
      return live().sqlite
    },
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    now,
    openFile: options.openFile,
    openExternal: options.openExternal,
    directory: () => (directory ??= loadCommuneDirectory()),
    referentiel: loadedReferentiel,
    emit,
    data,
    dialogs: options.dialogs,
    secrets: fileVault(options.dataDir, options.secretCipher),
    relayFetch: options.relayFetch,
    log,
    incoming: {
      register(path, fileName = basename(path)) {
        const fileId = randomBytes(12).toString('hex')
        incomingFiles.set(fileId, { path, fileName })
        return { fileId, fileName }
      },
      get: (fileId) => incomingFiles.get(fileId) ?? null,
    } satisfies IncomingFiles,
  }
  const portalSender = new OutboxSender(
    () => (database ? environment : null),
    () => emit('data.changed', { domains: ['portal', 'citizens'] }),
    options.portalIntervalMs,
    [sendContributionUpdates],
  )
  environment.portalSender = portalSender
  const citizensPuller = new CitizensPuller(
    () => (database ? environment : null),
    (label, done) => emit('progress', { task: PULL_PROGRESS_TASK, done, total: 0, label }),
    () => emit('data.changed', { domains: ['citizens'] }),
    options.pullIntervalMs,
  )
  environment.citizensPuller = citizensPuller
  const dispatch = createDispatcher({
    handlers,
    environment,
    findActor: (session) => findActor(live().db, session),
    validateOutput: options.validateOutput,
    onInternalError: (method, error) => log(`Erreur interne dans ${method}`, error),
  })

  function scheduleCheckpoint(): void {
    if (checkpointTimer) clearTimeout(checkpointTimer)
    checkpointTimer = setTimeout(() => {
      checkpointTimer = null
      try {
        if (database?.sqlite.open) database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      } catch (error) {
        log('Report du journal (WAL) impossible', error)
      }
    }, CHECKPOINT_DELAY_MS)
    checkpointTimer.unref()
  }

  /** With new calls held and the others finished (bounded wait), closes, swaps and reopens the database. */
  async function replaceDatabase(swap: () => { undo(): void; done(): void }): Promise<void> {
    let release!: () => void
    gate = new Promise((resolve) => (release = resolve))
    try {
      // The call asking for the replacement is itself in flight.
      for (let waited = 0; inFlight > 1 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50))
      if (database) {
        closeDatabase(database.sqlite)
        database = null
      }
      const change = swap()
      try {
        database = open()
      } catch (error) {
        change.undo()
        try {
          database = open()
        } catch (reopenError) {
          log('Réouverture des données précédentes impossible', reopenError)
        }
        throw new AppError(
          'CONFLICT',
          `Les données restaurées n'ont pas pu être ouvertes (${error instanceof Error ? error.message : String(error)}) : vos données d'avant sont restées en place.`,
        )
      }
      change.done()
      recovery = null
      // Profiles are those of the restored data now: everyone chooses theirs again.
      for (const session of sessions) session.profileId = null
    } finally {
      gate = null
      release()
    }
    emit('data.changed', { domains: [...DATA_DOMAINS] })
  }

  /** In recovery: the damaged file goes to a dated folder (never deleted), then the backup takes its place. */
  async function recoverFrom(id: string): Promise<Result<unknown>> {
    const file = join(options.dataDir, LIVE_DATABASE_FILE)
    if (existsSync(file)) {
      const stamp = now().toISOString().replace(/[:.]/g, '-')
      const aside = join(options.dataDir, `fichier-endommage-${stamp}`)
      mkdirSync(aside, { recursive: true })
      for (const name of readdirSync(options.dataDir).filter((n) => n.startsWith(LIVE_DATABASE_FILE)))
        renameSync(join(options.dataDir, name), join(aside, name))
    }
    try {
      const result = await data.restore(id, 'Cap Commune')
      return { ok: true, value: { ok: true, ...result } }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() }
      log('Restauration impossible', error)
      return {
        ok: false,
        error: { code: 'INTERNAL', message: "La restauration a échoué. Vos fichiers n'ont pas été supprimés : contactez l'assistance." },
      }
    }
  }

  async function invoke(method: unknown, input: unknown, session: Session): Promise<Result<unknown>> {
    // The size rule of each method (shared/contract/limits.ts), whatever the transport.
    const limit = inputLimitOf(String(method))
    if (input !== undefined && (JSON.stringify(input)?.length ?? 0) > limit.bytes) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: limit.message } }
    }
    // The text rule (security/text.ts), for every field of every method.
    const sanitized = sanitizeInput(input)
    if (!sanitized.ok) return { ok: false, error: { code: 'INVALID_INPUT', message: sanitized.issue.message, issues: [sanitized.issue] } }
    input = sanitized.value
    while (gate) await gate
    if (recovery || !database) {
      if (method === 'recovery.restore') {
        const parsed = (input ?? {}) as { id?: unknown }
        if (typeof parsed.id !== 'string') return { ok: false, error: { code: 'INVALID_INPUT', message: 'Choisissez une sauvegarde.' } }
        return recoverFrom(parsed.id)
      }
      if (method === 'app.status') {
        return {
          ok: true,
          value: {
            setupDone: false,
            version: options.appVersion,
            dataDir: options.dataDir,
            profiles: [],
            activeProfileId: null,
            recovery: { problem: recovery?.problem ?? 'Vos données ne sont pas ouvertes.', backups: backupEntries(data.engine.local.list().backups) },
          },
        }
      }
      if (!RECOVERY_METHODS.has(String(method))) {
        return { ok: false, error: { code: 'CONFLICT', message: "Vos données doivent d'abord être restaurées depuis une sauvegarde." } }
      }
    }
    inFlight++
    try {
      const result = await dispatch(method, input, session)
      if (result.ok && isMethodName(method) && 'changes' in contract[method]) scheduleCheckpoint()
      return result
    } finally {
      inFlight--
    }
  }

  return {
    dataDir: options.dataDir,
    get database() {
      return live()
    },
    get recovery() {
      return recovery
    },
    data,
    invoke,
    warmUp: () => {
      void environment.directory()
      data.startSchedule()
      portalSender.start()
      citizensPuller.start()
    },
    newSession: () => {
      const session: Session = { profileId: database ? profileToRestore(database.db) : null }
      sessions.add(session)
      return session
    },
    registerIncomingFile: (path, fileName) => environment.incoming!.register(path, fileName),
    onEvent(listener) {
      events.on('event', listener)
      return () => events.off('event', listener)
    },
    portalSender,
    citizensPuller,
    close: () => {
      portalSender.stop()
      citizensPuller.stop()
      if (checkpointTimer) clearTimeout(checkpointTimer)
      void data.close()
      if (database) database.close()
      database = null
    },
  }
}

export { BACKUP_FOLDER_NAME }
