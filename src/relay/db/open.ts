/**
 * The two drivers behind one drizzle `PgDatabase` type: PGlite (embedded, a data folder, one process) by default, and
 * node-postgres when RELAY_DATABASE_URL is set (several processes may share the server). Migrations run at open,
 * under an advisory lock with PostgreSQL so that processes starting together apply them once.
 */
import { join } from 'node:path'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { sql, type SQL } from 'drizzle-orm'
import * as schema from './schema'
import { lockFolder, type FolderLock } from './lock'
import { RELAY_ROOT } from '../paths'

export type RelaySchema = typeof schema
export type RelayDb = PgDatabase<PgQueryResultHKT, RelaySchema>
/** A transaction handle: inside `db.transaction`, always query through it (PGlite deadlocks otherwise). */
export type RelayTx = Parameters<Parameters<RelayDb['transaction']>[0]>[0]
export type Queryable = RelayDb | RelayTx
export type Driver = 'pglite' | 'postgres'

export interface RelayDatabase {
  db: RelayDb
  driver: Driver
  /** With PGlite: the folder's lock, whose file also tells the admin channel's address. */
  lock: FolderLock | null
  /** PGlite has no autovacuum nor checkpointer: the maintenance job calls this. */
  maintenance(): Promise<void>
  close(): Promise<void>
}

export const MIGRATIONS_FOLDER = join(RELAY_ROOT, 'migrations')

export interface OpenOptions {
  databaseUrl: string | null
  dataDir: string
  poolSize?: number
}

export async function openRelayDatabase(options: OpenOptions): Promise<RelayDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir)
}

async function openPglite(dataDir: string): Promise<RelayDatabase> {
  const lock = lockFolder(dataDir)
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    const { drizzle } = await import('drizzle-orm/pglite')
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    const client = new PGlite(join(dataDir, 'pgdata'))
    await client.waitReady
    const db = drizzle({ client, schema }) as unknown as RelayDb
    await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER })
    return {
      db,
      driver: 'pglite',
      lock,
      async maintenance() {
        await client.exec('VACUUM (ANALYZE)')
        await client.exec('CHECKPOINT')
      },
      async close() {
        try {
          await client.close()
        } finally {
          lock.release()
        }
      },
    }
  } catch (error) {
    lock.release()
    throw error
  }
}

/** Advisory lock key of the relay's migrations (any constant shared by all relay processes). */
const MIGRATION_LOCK = 7_363_021

async function openPostgres(url: string, poolSize: number): Promise<RelayDatabase> {
  const pg = (await import('pg')).default
  const { drizzle } = await import('drizzle-orm/node-postgres')
  const { migrate } = await import('drizzle-orm/node-postgres/migrator')
  // bigint columns come back as strings by default: the relay's counters fit in a double.
  pg.types.setTypeParser(20, (value: string) => Number(value))
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(`Impossible de joindre PostgreSQL (RELAY_DATABASE_URL) : ${(error as Error).message}`, { cause: error })
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER })
  } finally {
    await client.end()
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  pool.on('error', (error) => console.error(`PostgreSQL : ${error.message}`))
  const db = drizzle({ client: pool, schema }) as unknown as RelayDb
  return {
    db,
    driver: 'postgres',
    lock: null,
    async maintenance() {
      await db.execute(sql`ANALYZE`)
    },
    async close() {
      await pool.end()
    },
  }
}

/** Rows of a raw SQL query, the same with both drivers (both answer `{ rows }`). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}
