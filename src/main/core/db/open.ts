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
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    const migration = migrate(sqlite, {
      migrationsFolder: options.migrationsFolder,
      backupDir: join(options.dataDir, BACKUP_FOLDER_NAME),
    })
    const db = drizzle(sqlite, { schema })
    return { db, sqlite, file, migration, close: () => sqlite.close() }
  } catch (error) {
    sqlite.close()
    throw error
  }
}
