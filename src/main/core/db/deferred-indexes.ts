/**
 * Indexes set aside while a large batch of rows is written, then built again in one pass: SQLite builds an index over
 * 100,000 rows in tens of milliseconds by sorting them, but pays a B-tree insert per row and index when they are kept
 * up to date row by row (bench/pull.ts: a first pull of 100,000 contributions). Each index's definition is recorded in
 * `deferred_indexes` in the same transaction that drops it, and it is created again, and its record deleted, in one
 * transaction: a crash in between leaves the record, and the next opening of the file builds the index back before
 * anything else (migrate.ts), so the schema is never left short of an index.
 */
import type Database from 'better-sqlite3'
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from './open'

const TABLE = 'deferred_indexes'

interface DeferredIndex {
  name: string
  sql: string
}

function tableExists(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE) !== undefined
}

/**
 * Drops the plain indexes of `table` (not its unique ones, which keep rows from being stored twice, nor those in
 * `keep`) and records them, in one transaction; returns their names. Indexes already set aside stay so.
 */
export function deferIndexes(sqlite: Database.Database, table: string, keep: readonly string[] = []): string[] {
  return sqlite.transaction(() => {
    const indexes = (sqlite.pragma(`index_list(${JSON.stringify(table)})`) as { name: string; unique: number; origin: string }[]).filter(
      (index) => index.origin === 'c' && index.unique === 0 && !keep.includes(index.name),
    )
    const definition = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
    const record = sqlite.prepare(`INSERT INTO ${TABLE} (name, table_name, sql, deferred_at) VALUES (?, ?, ?, ?)`)
    const at = new Date().toISOString()
    for (const index of indexes) {
      const { sql: createSql } = definition.get(index.name) as { sql: string }
      record.run(index.name, table, createSql, at)
      sqlite.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`)
    }
    return indexes.map((index) => index.name)
  })()
}

/**
 * Builds one set-aside index back (the oldest recorded) and deletes its record, in one transaction; false when none
 * is left. One at a time so that a caller can let other work run between two builds.
 */
export function restoreNextIndex(sqlite: Database.Database): boolean {
  if (!tableExists(sqlite)) return false
  return sqlite.transaction(() => {
    const next = sqlite.prepare(`SELECT name, sql FROM ${TABLE} ORDER BY deferred_at, name LIMIT 1`).get() as DeferredIndex | undefined
    if (!next) return false
    const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(next.name) !== undefined
    if (!exists) sqlite.exec(next.sql)
    sqlite.prepare(`DELETE FROM ${TABLE} WHERE name = ?`).run(next.name)
    return true
  })()
}

/** Builds back every set-aside index; returns how many. */
export function restoreDeferredIndexes(sqlite: Database.Database): number {
  let restored = 0
  while (restoreNextIndex(sqlite)) restored++
  return restored
}

/**
 * `INDEXED BY <name>` for a query that names its index, or nothing while that index is set aside (the query then
 * runs on whatever SQLite finds, slower but right, instead of failing with « no such index »).
 */
export function indexedBy(db: Db, name: string): SQL {
  const deferred = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM deferred_indexes WHERE name = ${name}`)
  return deferred && deferred.n > 0 ? sql.raw('') : sql.raw(`INDEXED BY ${name}`)
}
