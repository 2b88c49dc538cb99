import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import * as schema from './schema'
import { DatabaseOpenError } from './errors'
import { migrate, type MigrationReport } from './migrate'

export type AppDatabase = BetterSQLite3Database<typeof schema>
/** The database or a transaction on it: what helpers that read or write take. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>

export const DATABASE_FILE_NAME = 'cap-commune.sqlite'
export const BACKUP_FOLDER_NAME = 'sauvegardes'

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
  close(): void
}

/** The native addon itself failed to load (wrong ABI, missing file): not the user's file's fault. */
function isBindingLoadFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` : String(error)
  return /ERR_DLOPEN_FAILED|NODE_MODULE_VERSION|Could not locate the bindings file|invalid ELF header|cannot open shared object/.test(text)
}

/** Checkpoints the WAL into the main file (so a copy of that file alone holds everything), then closes. */
export function closeDatabase(sqlite: Database.Database): void {
  if (!sqlite.open) return
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } catch {
    // Busy or read-only: SQLite checkpoints on close anyway when it can.
  }
  sqlite.close()
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  mkdirSync(options.dataDir, { recursive: true })
  const file = join(options.dataDir, DATABASE_FILE_NAME)
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
    // A page-level check at every launch (milliseconds on a small commune, measured on a large one in bench/): a
    // damaged file is caught here and the user is offered a backup, instead of failing later in the middle of a write.
    const check = sqlite.pragma('quick_check') as { quick_check: string }[]
    if (check.length !== 1 || check[0]!.quick_check !== 'ok') {
      throw new DatabaseOpenError(
        `Le fichier de données ${file} est endommagé (la vérification d'intégrité a échoué). Il n'a pas été modifié.`,
        'damaged',
      )
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
    return { db, sqlite, file, migration, close: () => closeDatabase(sqlite) }
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
