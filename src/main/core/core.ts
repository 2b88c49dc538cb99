import { EventEmitter } from 'node:events'
import type { EventName, EventPayload } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { CoreEnvironment, Session } from './context'
import { openDatabase, type OpenedDatabase } from './db/open'
import { loadCommuneDirectory, type CommuneDirectory } from './directory/directory'
import { createDispatcher } from './dispatcher'
import { handlers } from './handlers'
import { findAppRoot } from './paths'
import { loadReferentiel, resolveDefaultReferentielFile, type LoadedReferentiel } from './referentiel/load'
import { findActor } from './session/actor'
import { profileToRestore } from './session/last-profile'

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
  log?: (message: string, error?: unknown) => void
}

export interface Core {
  database: OpenedDatabase
  /** Every call from every transport goes through here. */
  invoke(method: unknown, input: unknown, session: Session): Promise<Result<unknown>>
  /** Loads the commune directory ahead of the first search (hosts call it once they are listening). */
  warmUp(): void
  /** A new session, opened on the last profile used when it has no password. */
  newSession(): Session
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void
  close(): void
}

/** The Electron-free application: database, rules and the dispatcher. Both hosts (Electron, browser) wrap it. */
export function createCore(options: CoreOptions): Core {
  const database = openDatabase({
    dataDir: options.dataDir,
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
  })
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''))
  const events = new EventEmitter()
  let directory: CommuneDirectory | null = null
  // Not cached when loading fails: the next call tries again (and says why again).
  let referentiel: LoadedReferentiel | null = null

  const environment: CoreEnvironment = {
    db: database.db,
    sqlite: database.sqlite,
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    now: options.now ?? (() => new Date()),
    openFile: options.openFile,
    directory: () => (directory ??= loadCommuneDirectory()),
    referentiel: () => (referentiel ??= loadReferentiel(options.referentielFile ?? resolveDefaultReferentielFile(findAppRoot))),
    emit: (event, payload) => events.emit('event', event, payload),
  }
  const dispatch = createDispatcher({
    handlers,
    environment,
    findActor: (session) => findActor(database.db, session),
    validateOutput: options.validateOutput,
    onInternalError: (method, error) => log(`Erreur interne dans ${method}`, error),
  })

  return {
    database,
    invoke: dispatch,
    warmUp: () => void environment.directory(),
    newSession: () => ({ profileId: profileToRestore(database.db) }),
    onEvent(listener) {
      events.on('event', listener)
      return () => events.off('event', listener)
    },
    close: () => database.close(),
  }
}
