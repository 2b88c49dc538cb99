import type Database from 'better-sqlite3'
import type { EventName, EventPayload } from '../../shared/contract'
import type { AppDatabase } from './db/open'
import type { CommuneDirectory } from './directory/directory'
import type { LoadedReferentiel } from './referentiel/load'
import type { DataService } from './backup/service'
import type { SecretVault } from './portal/vault'
import type { SendReport } from './portal/outbox'
import type { PullReport } from './portal/pull'

/** Who is using the app through one transport (a window, or the browser host). */
export interface Session {
  profileId: number | null
}

/** The signed-in profile, as handlers see it. */
export interface Actor {
  profileId: number
  displayName: string
  isAdmin: boolean
}

export interface CoreEnvironment {
  db: AppDatabase
  sqlite: Database.Database
  dataDir: string
  appVersion: string
  /** The offline directory of communes, loaded on first use. */
  directory(): CommuneDirectory
  /** The référentiel (domains, themes, criteria, deadlines), read and validated on first use. */
  referentiel(): LoadedReferentiel
  now(): Date
  /**
   * Opens a file with the computer's own viewer (Electron: shell.openPath); resolves to '' on success, else the
   * system's reason. Absent in the browser host, which offers files as downloads instead.
   */
  openFile?: (filePath: string) => Promise<string>
  /**
   * Opens an https link in the system browser (Electron: shell.openExternal). Absent in the browser host, whose page
   * is already in a browser and opens the link in a new tab.
   */
  openExternal?: (url: string) => Promise<void>
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  /** Backups, restore, export and import of the whole commune. */
  data?: DataService
  /** The Electron app's file and folder choosers; absent in the browser host. */
  dialogs?: HostDialogs
  /** Files the main process holds for the renderer (chosen in a dialog or uploaded), by id. */
  incoming?: IncomingFiles
  /** Where the relay token is kept (Electron: encrypted with safeStorage; the browser host: a file of the data folder). */
  secrets: SecretVault
  /** How the core reaches the relay (tests inject network failures); the global fetch by default. */
  relayFetch?: typeof fetch
  /** The outbox's sender: `kick` after queueing (sends soon, never blocks), `run` to send now and wait. */
  portalSender?: { kick(): void; run(options?: { all?: boolean }): Promise<SendReport> }
  /** The pull of citizens' contributions: `run` syncs now (or joins the sync in progress), `progress` says what it does. */
  citizensPuller?: { run(): Promise<PullReport>; readonly progress: string | null }
  log?: (message: string, error?: unknown) => void
}

export interface HostDialogs {
  chooseFolder(): Promise<string | null>
  chooseArchive(): Promise<string | null>
  chooseExportPath(suggestedName: string): Promise<string | null>
}

export interface IncomingFiles {
  register(path: string, fileName?: string): { fileId: string; fileName: string }
  get(fileId: string): { path: string; fileName: string } | null
}
