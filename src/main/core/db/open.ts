import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as schema from './schema'
import { DatabaseOpenError } from './errors'
import { migrate, type MigrationReport } from './migrate'

export type AppDatabase = BetterSQLite3Database<typeof schema>
/** The database or a transaction on it: what helpers that read or write take. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>

export const DATABASE_FILE_NAME = 'cap-commune.sqlite'
export const BACKUP_FOLDER_NAME = 'sauvegardes'
/**
 * Present while the database is open, removed by a clean close: found at the next launch, it says the app stopped
 * without closing (power cut, crash, killed), and only then is the file checked page by page before use. (Not named
 * `cap-commune.sqlite…`: those files move together in a restore.)
 */
export const OPEN_MARKER_FILE_NAME = 'cap-commune.ouverte'

export interface OpenDatabaseOptions {
  dataDir: string
  migrationsFolder: string
  /** better-sqlite3 addon built for another ABI (the Electron app ships its own). */
  nativeBinding?: string
  /** Makes the backup taken before pending migrations (the core's backup engine); returns its database copy. */
  backupBeforeMigration?: (sqlite: Database.Database) => string
}

export interface OpenedDatabase {
  db: AppDatabase
  sqlite: Database.Database
  file: string
  migration: MigrationReport
  /** Whether `quick_check` ran at this open (always, on an existing file). */
  checked: boolean
  close(): void
}

/** The native addon itself failed to load (wrong ABI, missing file): not the user's file's fault. */
function isBindingLoadFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` : String(error)
  return /ERR_DLOPEN_FAILED|NODE_MODULE_VERSION|Could not locate the bindings file|invalid ELF header|cannot open shared object/.test(text)
}

function openMarkerOf(file: string): string {
  return join(dirname(file), OPEN_MARKER_FILE_NAME)
}

/**
 * Checkpoints the WAL into the main file (so a copy of that file alone holds everything), closes, and removes the
 * open marker: the next launch knows this close was clean.
 */
export function closeDatabase(sqlite: Database.Database): void {
  if (!sqlite.open) return
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } catch {
    // Busy or read-only: SQLite checkpoints on close anyway when it can.
  }
  sqlite.close()
  rmSync(openMarkerOf(sqlite.name), { force: true })
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  mkdirSync(options.dataDir, { recursive: true })
  const file = join(options.dataDir, DATABASE_FILE_NAME)
  const marker = openMarkerOf(file)
  // Every launch checks the pages of an existing file (a disk or an antivirus can damage it while the app is closed;
  // the issue asks for it at startup). A new file has nothing to check. The marker still tells an unclean stop apart.
  const check = existsSync(file)
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    sqlite.pragma('journal_mode = WAL')
  } catch (cause) {
    // Do not keep the refused file open (Windows would lock it while the message is shown).
    sqlite?.close()
    if (isBindingLoadFailure(cause)) {
      throw new DatabaseOpenError(
        "Cap Commune est mal installé : son moteur de base de données ne peut pas se charger. Vos données n'ont pas été touchées. Réinstallez Cap Commune.",
        'unreadable',
        { cause },
      )
    }
    throw new DatabaseOpenError(
      `Le fichier de données ${file} ne peut pas être ouvert : ce n'est pas une base Cap Commune valide ou il est endommagé. Il n'a pas été modifié.`,
      'not-a-database',
      { cause },
    )
  }
  try {
    // After an unclean stop, a page-level check before anything else (seconds on a 200 MB commune, measured in bench/):
    // a damaged file is caught here and the user is offered a backup, instead of failing later in the middle of a
    // write. After a clean close the launch stays fast; the daily backup still checks every page of its copy
    // (`integrity_check`, backup/inspect.ts), so damage that happens while the app is closed is found within a day.
    if (check) {
      const rows = sqlite.pragma('quick_check') as { quick_check: string }[]
      if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') {
        throw new DatabaseOpenError(
          `Le fichier de données ${file} est endommagé (la vérification d'intégrité a échoué). Il n'a pas été modifié.`,
          'damaged',
        )
      }
    }
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // FULL: every acknowledged change is on the disk before the app answers, even through a power cut. This file is
    // often a mairie's only copy; the cost (one more fsync per commit) is measured in bench/ (« synchronous »).
    sqlite.pragma('synchronous = FULL')
    const migration = migrate(sqlite, {
      migrationsFolder: options.migrationsFolder,
      backupDir: join(options.dataDir, BACKUP_FOLDER_NAME),
      backup: options.backupBeforeMigration,
    })
    const db = drizzle(sqlite, { schema })
    // Written once the file is known good and up to date; a folder where it cannot be written could not take the
    // database's writes either, and fails the same way as before.
    writeFileSync(marker, `${process.pid}\n`)
    const opened = sqlite
    return { db, sqlite, file, migration, checked: check, close: () => closeDatabase(opened) }
  } catch (error) {
    sqlite.close()
    const code = String((error as { code?: unknown }).code ?? '')
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError(`Le fichier de données ${file} est endommagé (${(error as Error).message}). Il n'a pas été modifié.`, 'damaged', {
        cause: error,
      })
    }
    throw error
  }
}
