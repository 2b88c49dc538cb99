/**
 * Creations made at most once per idempotency key (shared/contract/idempotency.ts). The key and the answer are written
 * in the same transaction as the creation, so after a crash either both are there or neither is; a repeat finds the
 * answer and gets it back; a repeat that arrives while the first call still runs (a double click) waits for it.
 */
import type Database from 'better-sqlite3'
import { IDEMPOTENCY_KEY_FIELD, IDEMPOTENCY_KEY_PATTERN, isCreationMethod } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { AppDatabase } from './db/open'

/** Long enough for any retry (a reloaded window, a PC woken from sleep), short enough to stay small. */
const KEPT_FOR_MS = 7 * 24 * 60 * 60 * 1000

/** The key of a creation's raw input, and the input without it; `key` is null for other methods or without one. */
export function splitIdempotencyKey(method: string, input: unknown): { key: string | null; input: unknown } {
  if (!isCreationMethod(method) || !input || typeof input !== 'object' || !(IDEMPOTENCY_KEY_FIELD in input)) return { key: null, input }
  const { [IDEMPOTENCY_KEY_FIELD]: key, ...rest } = input as Record<string, unknown>
  if (key === undefined || key === null) return { key: null, input: rest }
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    const message = "La demande n'a pas pu être reconnue : rechargez la fenêtre, puis réessayez."
    throw new AppError('INVALID_INPUT', message, [{ path: IDEMPOTENCY_KEY_FIELD, message }])
  }
  return { key, input: rest }
}

/** The answer given to the first call with this key, or undefined when there was none. */
export function rememberedAnswer(sqlite: Database.Database, method: string, key: string): { value: unknown } | undefined {
  const row = sqlite.prepare('SELECT method, response FROM idempotent_calls WHERE key = ?').get(key) as
    { method: string; response: string } | undefined
  if (!row) return undefined
  if (row.method !== method) {
    throw new AppError('INVALID_INPUT', 'Cette demande a déjà servi à une autre opération : rechargez la fenêtre, puis réessayez.')
  }
  return { value: JSON.parse(row.response) as unknown }
}

/** Records (or corrects) the answer of `key`; call inside the creation's transaction. */
export function rememberAnswer(sqlite: Database.Database, method: string, key: string, value: unknown, now: Date): void {
  sqlite.prepare('DELETE FROM idempotent_calls WHERE created_at < ?').run(new Date(now.getTime() - KEPT_FOR_MS).toISOString())
  sqlite
    .prepare(
      'INSERT INTO idempotent_calls (key, method, response, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET response = excluded.response',
    )
    .run(key, method, JSON.stringify(value ?? null), now.toISOString())
}

/**
 * For a handler that awaits before writing (file typing, password hashing): the database it gets records the key in
 * each of its transactions, so the key commits with the creation even though the call cannot be one transaction.
 */
export function databaseRecordingKey(db: AppDatabase, record: (value: unknown) => void): AppDatabase {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return (run: (tx: unknown) => unknown, config?: unknown) =>
          (target.transaction as (run: (tx: unknown) => unknown, config?: unknown) => unknown)((tx) => {
            const value = run(tx)
            record(value)
            return value
          }, config)
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}
