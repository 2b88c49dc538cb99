import type Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { restoreDeferredIndexes } from './deferred-indexes'
import { DatabaseOpenError } from './errors'

/** Same bookkeeping table as drizzle's own migrator, so drizzle-kit tooling keeps working. */
const JOURNAL_TABLE = '__drizzle_migrations'

export interface MigrationReport {
  applied: string[]
  backupPath: string | null
}

export interface MigrateOptions {
  migrationsFolder: string
  /** Folder for the copy taken before pending migrations run (when `backup` is not given). */
  backupDir: string
  /** Makes the backup taken before pending migrations run; returns the path of its database copy. */
  backup?: (sqlite: Database.Database) => string
  now?: () => Date
}

function timestampForFileName(date: Date): string {
  // Milliseconds included: two updates within the same second must not collide.
  return date.toISOString().replace('Z', '').replace(/[:.]/g, '-')
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?")
    .get(JOURNAL_TABLE) as { n: number }
  return row.n > 0
}

/**
 * Applies the pending drizzle-kit migrations in one transaction, after a backup copy of the file.
 * Refuses a database that holds migrations this version of the app does not know (written by a newer version).
 */
export function migrate(sqlite: Database.Database, options: MigrateOptions): MigrationReport {
  const known = readMigrationFiles({ migrationsFolder: options.migrationsFolder })
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "${JOURNAL_TABLE}" (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC)`)
  const applied = sqlite.prepare(`SELECT hash, created_at AS createdAt FROM "${JOURNAL_TABLE}"`).all() as {
    hash: string
    createdAt: number
  }[]

  const knownMillis = new Set(known.map((m) => m.folderMillis))
  if (applied.some((row) => !knownMillis.has(Number(row.createdAt)))) {
    throw new DatabaseOpenError(
      "Ces données ont été enregistrées par une version plus récente de Cap Commune. Pour ne rien perdre, elles n'ont pas été ouvertes : installez la dernière version de Cap Commune puis relancez-la.",
      'too-new',
    )
  }

  // Indexes a large pull had set aside when the app stopped are built back first: the file then has the schema its
  // migrations were written against (one of them may drop or replace such an index).
  restoreDeferredIndexes(sqlite)

  const appliedMillis = new Set(applied.map((row) => Number(row.createdAt)))
  const pending = known.filter((m) => !appliedMillis.has(m.folderMillis))
  if (pending.length === 0) return { applied: [], backupPath: null }

  let backupPath: string | null = null
  if (hasUserTables(sqlite) && options.backup) {
    backupPath = options.backup(sqlite)
  } else if (hasUserTables(sqlite)) {
    mkdirSync(options.backupDir, { recursive: true })
    backupPath = join(options.backupDir, `avant-mise-a-jour-${timestampForFileName(options.now?.() ?? new Date())}.sqlite`)
    // VACUUM INTO writes a consistent copy even with WAL pages not yet checkpointed.
    sqlite.prepare('VACUUM INTO ?').run(backupPath)
  }

  const record = sqlite.prepare(`INSERT INTO "${JOURNAL_TABLE}" (hash, created_at) VALUES (?, ?)`)
  const tags = pending.map((m) => String(m.folderMillis))
  // SQLite's procedure for schema changes: foreign keys off around the transaction (a `PRAGMA foreign_keys` inside
  // a migration does nothing in a transaction, and dropping a rebuilt parent table would null or delete the rows
  // pointing to it), then a foreign key check before committing.
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) === 1
  sqlite.pragma('foreign_keys = OFF')
  try {
    sqlite.transaction(() => {
      for (const migration of pending) {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement)
        }
        record.run(migration.hash, migration.folderMillis)
      }
      const broken = foreignKeys ? (sqlite.pragma('foreign_key_check') as { table: string }[]) : []
      if (broken.length > 0) {
        throw new Error(`références cassées dans ${[...new Set(broken.map((b) => b.table))].join(', ')}`)
      }
    })()
  } catch (cause) {
    throw new DatabaseOpenError(
      `La mise à jour de la base de données a échoué ; vos données sont restées telles qu'elles étaient${
        backupPath ? ` (une copie a aussi été faite : ${backupPath})` : ''
      }. Détail technique : ${cause instanceof Error ? cause.message : String(cause)}`,
      'migration-failed',
      { cause },
    )
  } finally {
    if (foreignKeys) sqlite.pragma('foreign_keys = ON')
  }
  return { applied: tags, backupPath }
}
