/**
 * Helpers for the tests (and the benchmark) of the core: a core on a temporary data folder, typed calls,
 * the reference commune, and migrations folders cut or extended for the migration tests.
 * Nothing here is imported by the application itself.
 */
import type Database from 'better-sqlite3'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import type { AppErrorShape, Result } from '../../../shared/errors'
import type { Session } from '../context'
import { createCore, type Core, type CoreOptions } from '../core'
import { findAppRoot } from '../paths'

export const APP_ROOT = findAppRoot()
export const MIGRATIONS_FOLDER = join(APP_ROOT, 'migrations')

/** Temporary folders under the OS temp dir, removed together at the end of a test. */
export class TempDirs {
  private readonly dirs: string[] = []

  constructor(private readonly prefix = 'cap-commune-test-') {}

  make(): string {
    const dir = mkdtempSync(join(tmpdir(), this.prefix))
    this.dirs.push(dir)
    return dir
  }

  cleanup(): void {
    // Retried: on a loaded machine a file the closed core was still finishing can appear while the folder is removed
    // (ENOTEMPTY), which is not what any test is about.
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
  }
}

export interface TestCore {
  core: Core
  dataDir: string
  /** A fresh session, as a new window would get it. */
  session: Session
  /** What the core logged (internal errors). */
  logs: { message: string; error: unknown }[]
}

/** A real core on a real SQLite file in `dataDir`, with output validation on (as in development). */
export function createTestCore(dataDir: string, options: Partial<CoreOptions> = {}): TestCore {
  const logs: TestCore['logs'] = []
  const core = createCore({
    dataDir,
    migrationsFolder: MIGRATIONS_FOLDER,
    appVersion: '0.0.0-test',
    validateOutput: true,
    log: (message, error) => logs.push({ message, error }),
    ...options,
  })
  return { core, dataDir, session: core.newSession(), logs }
}

/** A contract call with the contract's types, returning the transport's envelope. */
export function call<M extends MethodName>(core: Core, session: Session, method: M, input?: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return core.invoke(method, input, session) as Promise<Result<MethodOutput<M>>>
}

/** A call that must succeed: returns its value, or throws with the error the core returned. */
export async function ok<M extends MethodName>(core: Core, session: Session, method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await call(core, session, method, input)
  if (!result.ok) throw new Error(`${method} a échoué : ${JSON.stringify(result.error)}`)
  return result.value
}

/** A call that must fail: returns the error envelope. */
export async function failure<M extends MethodName>(core: Core, session: Session, method: M, input: unknown): Promise<AppErrorShape> {
  const result = await core.invoke(method, input, session)
  if (result.ok) throw new Error(`${method} aurait dû échouer, il a renvoyé ${JSON.stringify(result.value)}`)
  return result.error
}

/** A clock a test can set: pass `clock.now` as the core's `now`, then `clock.set(iso)` between calls. */
export function testClock(startIso: string): { now: () => Date; set(iso: string): void } {
  let current = new Date(startIso)
  return {
    now: () => current,
    set: (iso) => {
      current = new Date(iso)
    },
  }
}

/** Faux-Villecerf (Aube), the commune the project is tried on. */
export const FAUX_VILLECERF = {
  inseeCode: '10145',
  name: 'Faux-Villecerf',
  population: 215,
  departementCode: '10',
  departementName: 'Aube',
  regionName: 'Grand Est',
  postalCode: '10290',
  siren: '211001391',
  epciName: "CC de l'Orvin et de l'Ardusson",
} as const

export const FAUX_VILLECERF_TEAM = [
  { firstName: 'Claire', lastName: 'Martin', role: 'maire', email: 'maire@faux-villecerf.fr', phone: '03 25 00 00 01' },
  { firstName: 'Paul', lastName: 'Bernard', role: 'adjoint', delegation: 'Voirie' },
  { firstName: 'Sophie', lastName: 'Durand', role: 'adjoint', delegation: 'École' },
  { firstName: 'Jean', lastName: 'Petit', role: 'adjoint', delegation: 'Finances' },
  { firstName: 'Marie', lastName: 'Leroy', role: 'conseiller_municipal' },
  { firstName: 'Luc', lastName: 'Moreau', role: 'secretaire_mairie', email: 'mairie@faux-villecerf.fr' },
] satisfies MethodInput<'setup.complete'>['members']

export function fauxVillecerfSetup(overrides: Partial<MethodInput<'setup.complete'>> = {}): MethodInput<'setup.complete'> {
  return {
    inseeCode: FAUX_VILLECERF.inseeCode,
    mandate: { startYear: 2026, endYear: 2032 },
    members: FAUX_VILLECERF_TEAM.map((m) => ({ ...m })),
    administrator: { memberIndex: 5, displayName: 'Secrétariat', password: null },
    ...overrides,
  }
}

/** A core whose commune is set up, signed in as the administrator created by the setup. */
export async function createSetUpCore(dataDir: string, overrides: Partial<MethodInput<'setup.complete'>> = {}): Promise<TestCore> {
  const test = createTestCore(dataDir)
  await ok(test.core, test.session, 'setup.complete', fauxVillecerfSetup(overrides))
  return test
}

/** Sets up Faux-Villecerf once in `dir` and returns the closed database file, to copy with `dataDirFrom`. */
export async function createSetUpTemplate(dir: string, overrides: Partial<MethodInput<'setup.complete'>> = {}): Promise<string> {
  const { core } = await createSetUpCore(dir, overrides)
  core.close()
  return join(dir, 'cap-commune.sqlite')
}

export interface AuditRow {
  at: string
  profileId: number | null
  profileName: string
  entity: string
  entityId: string
  action: 'create' | 'update' | 'delete'
  field: string | null
  before: unknown
  after: unknown
}

/** The audit trail, oldest first, before/after parsed from JSON. */
export function auditRows(sqlite: Database.Database, where: { entity?: string; entityId?: string | number } = {}): AuditRow[] {
  const rows = sqlite
    .prepare(
      `SELECT at, profile_id AS profileId, profile_name AS profileName, entity, entity_id AS entityId, action, field, before, after
       FROM audit_log WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId) ORDER BY id`,
    )
    .all({ entity: where.entity ?? null, entityId: where.entityId === undefined ? null : String(where.entityId) }) as (AuditRow & {
    before: string | null
    after: string | null
  })[]
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }))
}

/**
 * A data folder whose database is a copy of `templateFile` (a closed, set-up database): avoids loading the
 * directory of communes and hashing the setup's password again in every test.
 */
export function dataDirFrom(templateFile: string, dataDir: string): string {
  mkdirSync(dataDir, { recursive: true })
  copyFileSync(templateFile, join(dataDir, 'cap-commune.sqlite'))
  return dataDir
}

/**
 * Row count of every user table (the migrations journal included). Full-text indexes (FTS5 virtual tables and their
 * shadow tables, migrations/0003_search.sql) are derived from the user tables and left out.
 */
export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[]
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]))
}

/** The whole schema as SQLite stores it: tables, indexes, triggers and views with their SQL. */
export function schemaDump(sqlite: Database.Database): { type: string; name: string; sql: string | null }[] {
  return sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string
    name: string
    sql: string | null
  }[]
}

/** Every row of every user table, for "nothing changed" comparisons. */
export function dataDump(sqlite: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(Object.keys(tableCounts(sqlite)).map((name) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]))
}

export interface JournalEntry {
  idx: number
  version: string
  when: number
  tag: string
  breakpoints: boolean
}

export interface Journal {
  version: string
  dialect: string
  entries: JournalEntry[]
}

export function readJournal(migrationsFolder: string): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal
}

function writeJournal(migrationsFolder: string, journal: Journal): void {
  mkdirSync(join(migrationsFolder, 'meta'), { recursive: true })
  writeFileSync(join(migrationsFolder, 'meta', '_journal.json'), JSON.stringify(journal, null, 2))
}

/** A copy of `source` holding only its first `count` migrations (the journal cut accordingly). */
export function partialMigrationsFolder(source: string, count: number, into: string): string {
  const journal = readJournal(source)
  const entries = journal.entries.slice(0, count)
  mkdirSync(into, { recursive: true })
  for (const entry of entries) copyFileSync(join(source, `${entry.tag}.sql`), join(into, `${entry.tag}.sql`))
  writeJournal(into, { ...journal, entries })
  return into
}

/** A copy of `source` followed by one more migration, as drizzle-kit would write it. */
export function migrationsFolderWithExtra(source: string, extra: { tag: string; sql: string }, into: string): string {
  const journal = readJournal(source)
  partialMigrationsFolder(source, journal.entries.length, into)
  const last = journal.entries.at(-1)!
  writeFileSync(join(into, `${extra.tag}.sql`), extra.sql)
  writeJournal(into, {
    ...journal,
    entries: [...journal.entries, { idx: last.idx + 1, version: last.version, when: last.when + 60_000, tag: extra.tag, breakpoints: true }],
  })
  return into
}
