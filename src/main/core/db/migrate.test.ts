import Database from 'better-sqlite3'
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { is } from 'drizzle-orm'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  MIGRATIONS_FOLDER,
  TempDirs,
  createSetUpCore,
  dataDump,
  migrationsFolderWithExtra,
  partialMigrationsFolder,
  readJournal,
  schemaDump,
  tableCounts,
} from '../testing'
import { initialDataDifferences, seedInitialSchema, type MigrationFixture } from '../testing/migrations/seeds'
import { DatabaseOpenError } from './errors'
import { BACKUP_FOLDER_NAME, DATABASE_FILE_NAME, openDatabase } from './open'
import * as schema from './schema'

const BROKEN_MIGRATIONS = fileURLToPath(new URL('./__fixtures__/broken-migration', import.meta.url))
const JOURNAL = readJournal(MIGRATIONS_FOLDER)

const temp = new TempDirs('cap-commune-migrate-')
afterEach(() => temp.cleanup())

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function openError(run: () => unknown): DatabaseOpenError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError)
    return error as DatabaseOpenError
  }
  throw new Error("L'ouverture aurait dû échouer.")
}

/** Messages shown to the user: French, no English error vocabulary outside the technical detail. */
function expectFrenchMessage(message: string): void {
  const userPart = message.split('Détail technique')[0]!
  expect(userPart).toMatch(/[éèàç]|données|Cap Commune/)
  expect(userPart).not.toMatch(/\b(error|failed|cannot|unable|invalid|database is)\b/i)
}

/** Paths the current process holds open (Linux); null where /proc is not available. */
function openFiles(): string[] | null {
  if (!existsSync('/proc/self/fd')) return null
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)]
    } catch {
      return []
    }
  })
}

describe('a new database', () => {
  it('migrates an empty database to the latest schema, with foreign keys and WAL on', () => {
    const dataDir = temp.make()
    const opened = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    try {
      expect(opened.migration.applied).toEqual(JOURNAL.entries.map((e) => String(e.when)))
      // Nothing to save yet: no backup of an empty file.
      expect(opened.migration.backupPath).toBeNull()
      expect(existsSync(join(dataDir, BACKUP_FOLDER_NAME))).toBe(false)

      const { sqlite } = opened
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')

      // Every table and column of the drizzle schema exists, as the code declares it.
      const tables = Object.values(schema).filter((value) => is(value, SQLiteTable))
      expect(tables.length).toBeGreaterThanOrEqual(6)
      for (const table of tables) {
        const config = getTableConfig(table)
        const columns = sqlite.pragma(`table_info("${config.name}")`) as { name: string; notnull: number; pk: number }[]
        expect(columns.length, `table ${config.name}`).toBeGreaterThan(0)
        expect(columns.map((c) => c.name).sort(), `colonnes de ${config.name}`).toEqual(config.columns.map((c) => c.name).sort())
        for (const column of config.columns) {
          const actual = columns.find((c) => c.name === column.name)!
          expect(actual.notnull === 1 || actual.pk === 1, `${config.name}.${column.name} NOT NULL`).toBe(column.notNull)
        }
      }
      const userTables = Object.keys(tableCounts(sqlite)).filter((name) => name !== '__drizzle_migrations')
      expect(userTables.sort()).toEqual(tables.map((t) => getTableConfig(t).name).sort())

      // The bookkeeping matches the journal, one row per migration.
      const recorded = sqlite.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations ORDER BY id').all() as { createdAt: number }[]
      expect(recorded.map((r) => Number(r.createdAt))).toEqual(JOURNAL.entries.map((e) => e.when))

      // Foreign keys are enforced, not only declared.
      expect(() => sqlite.prepare("INSERT INTO profiles (display_name, member_id, created_at) VALUES ('Fantôme', 999, '2026-01-01')").run()).toThrow(
        /FOREIGN KEY/,
      )
    } finally {
      opened.close()
    }
  })

  it('reopening an up-to-date database applies nothing and takes no backup', async () => {
    const dataDir = temp.make()
    const { core } = await createSetUpCore(dataDir)
    core.close()
    const before = fileHash(join(dataDir, DATABASE_FILE_NAME))

    const reopened = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    try {
      expect(reopened.migration).toEqual({ applied: [], backupPath: null })
      expect(existsSync(join(dataDir, BACKUP_FOLDER_NAME))).toBe(false)
      expect(tableCounts(reopened.sqlite).__drizzle_migrations).toBe(JOURNAL.entries.length)
      expect(tableCounts(reopened.sqlite).members).toBe(6)
    } finally {
      reopened.close()
    }
    expect(fileHash(join(dataDir, DATABASE_FILE_NAME))).toBe(before)
  })
})

/**
 * Builds a database at the schema just before migration `index` of `folder`, seeds it, migrates it to the latest
 * schema of `folder` and checks nothing was lost.
 */
function checkUpgrade(folder: string, index: number, fixture: MigrationFixture): void {
  const dir = temp.make()
  const journal = readJournal(folder)
  const dataDir = join(dir, 'data')
  const before = openDatabase({ dataDir, migrationsFolder: partialMigrationsFolder(folder, index, join(dir, 'migrations-before')) })
  let countsBefore: Record<string, number>
  try {
    expect(before.migration.applied).toHaveLength(index)
    fixture.seed(before.sqlite)
    countsBefore = tableCounts(before.sqlite)
  } finally {
    before.close()
  }

  const after = openDatabase({ dataDir, migrationsFolder: folder })
  try {
    expect(after.migration.applied).toEqual(journal.entries.slice(index).map((e) => String(e.when)))
    expect(after.migration.backupPath).not.toBeNull()
    const countsAfter = tableCounts(after.sqlite)
    const lost = Object.entries(countsBefore)
      .filter(([table]) => table !== '__drizzle_migrations' && !fixture.removedTables?.includes(table))
      .filter(([table, n]) => (countsAfter[table] ?? -1) < n)
      .map(([table, n]) => `${table} : ${n} ligne(s) avant, ${countsAfter[table] ?? 'table disparue'} après`)
    if (lost.length > 0) throw new Error(`Lignes perdues par la migration : ${lost.join(' ; ')}`)
    expect(after.sqlite.pragma('foreign_key_check'), 'références cassées').toEqual([])
    fixture.verify(after.sqlite)
  } finally {
    after.close()
  }
}

const initialSchemaFixture: MigrationFixture = {
  seed: seedInitialSchema,
  verify: (sqlite) => expect(initialDataDifferences(sqlite)).toEqual([]),
}

/** testing/migrations/<tag>.ts, one per migration after the first. */
const FIXTURES_FOLDER = fileURLToPath(new URL('../testing/migrations/', import.meta.url))
const MIGRATION_FIXTURES: Record<string, MigrationFixture> = Object.fromEntries(
  await Promise.all(
    readdirSync(FIXTURES_FOLDER)
      .filter((file) => /^\d{4}_.+\.ts$/.test(file))
      .map(async (file) => [file.slice(0, -3), ((await import(join(FIXTURES_FOLDER, file))) as { fixture: MigrationFixture }).fixture]),
  ),
)

describe('every migration keeps the data written with the schema before it', () => {
  const laterMigrations = JOURNAL.entries.slice(1)

  it('every migration after the first has its file in testing/migrations/<tag>.ts', () => {
    const missing = laterMigrations.map((e) => e.tag).filter((tag) => !Object.hasOwn(MIGRATION_FIXTURES, tag))
    expect(missing, 'migrations sans jeu de données de test : ajoutez testing/migrations/<tag>.ts').toEqual([])
    const unknown = Object.keys(MIGRATION_FIXTURES).filter((tag) => !JOURNAL.entries.some((e) => e.tag === tag))
    expect(unknown, 'fichiers de testing/migrations sans migration').toEqual([])
  })

  for (const [offset, entry] of laterMigrations.entries()) {
    const fixture = MIGRATION_FIXTURES[entry.tag]
    it.runIf(fixture !== undefined)(`${entry.tag} keeps the data of the schema before it`, () => {
      checkUpgrade(MIGRATIONS_FOLDER, offset + 1, fixture!)
    })
  }

  // The same harness on migrations written for the test, so that it is known to work (and to fail) today.
  it('the harness carries real data across an added migration', () => {
    const folder = migrationsFolderWithExtra(
      MIGRATIONS_FOLDER,
      { tag: '9000_test_add_column', sql: "ALTER TABLE `members` ADD `nickname` text DEFAULT '' NOT NULL;" },
      join(temp.make(), 'migrations'),
    )
    checkUpgrade(folder, JOURNAL.entries.length, initialSchemaFixture)
  })

  it('the harness reports a migration that deletes rows', () => {
    const folder = migrationsFolderWithExtra(
      MIGRATIONS_FOLDER,
      { tag: '9000_test_data_loss', sql: 'DELETE FROM `audit_log` WHERE `profile_id` IS NULL;' },
      join(temp.make(), 'migrations'),
    )
    expect(() => checkUpgrade(folder, JOURNAL.entries.length, initialSchemaFixture)).toThrow(/audit_log : 3 ligne\(s\) avant, 2 après/)
  })

  it('a migration that leaves rows pointing to deleted rows is rolled back', () => {
    const dir = temp.make()
    const dataDir = join(dir, 'data')
    const current = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    seedInitialSchema(current.sqlite)
    current.close()
    const folder = migrationsFolderWithExtra(
      MIGRATIONS_FOLDER,
      { tag: '9000_test_orphans', sql: "DELETE FROM `members` WHERE `role` = 'secretaire_mairie';" },
      join(dir, 'migrations'),
    )
    const error = openError(() => openDatabase({ dataDir, migrationsFolder: folder }))
    expect(error.kind).toBe('migration-failed')
    expect(error.message).toContain('profiles')
    const reopened = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    try {
      expect(reopened.migration.applied).toEqual([])
      expect(initialDataDifferences(reopened.sqlite)).toEqual([])
      expect(reopened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      reopened.close()
    }
  })

  it('a drizzle-kit table rebuild keeps the rows that point to the rebuilt tables', () => {
    // What drizzle-kit generates to change a column of `members` and of `profiles` in SQLite: copy, drop, rename,
    // between PRAGMA foreign_keys=OFF and ON. Dropping a parent table must not null the references to it.
    const rebuild = (table: string, columns: string, definition: string) =>
      [
        'PRAGMA foreign_keys=OFF;',
        `CREATE TABLE \`__new_${table}\` (\n${definition}\n);`,
        `INSERT INTO \`__new_${table}\`(${columns}) SELECT ${columns} FROM \`${table}\`;`,
        `DROP TABLE \`${table}\`;`,
        `ALTER TABLE \`__new_${table}\` RENAME TO \`${table}\`;`,
        'PRAGMA foreign_keys=ON;',
      ].join('--> statement-breakpoint\n')
    const memberColumns = '"id", "first_name", "last_name", "role", "rank", "delegation", "email", "phone", "interests", "created_at", "updated_at"'
    const profileColumns = '"id", "display_name", "member_id", "is_admin", "password_hash", "last_sign_in_at", "created_at"'
    const sql = [
      rebuild(
        'members',
        memberColumns,
        `\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL, \`first_name\` text NOT NULL, \`last_name\` text NOT NULL, \`role\` text NOT NULL,
        \`rank\` integer, \`delegation\` text DEFAULT '' NOT NULL, \`email\` text DEFAULT '' NOT NULL, \`phone\` text DEFAULT '' NOT NULL,
        \`interests\` text DEFAULT '' NOT NULL, \`created_at\` text NOT NULL, \`updated_at\` text NOT NULL`,
      ),
      rebuild(
        'profiles',
        profileColumns,
        `\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL, \`display_name\` text NOT NULL, \`member_id\` integer,
        \`is_admin\` integer DEFAULT false NOT NULL, \`password_hash\` text, \`last_sign_in_at\` text, \`created_at\` text NOT NULL,
        FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null`,
      ),
      'CREATE UNIQUE INDEX `profiles_member_id_unique` ON `profiles` (`member_id`);',
    ].join('--> statement-breakpoint\n')
    const folder = migrationsFolderWithExtra(MIGRATIONS_FOLDER, { tag: '9000_test_rebuild', sql }, join(temp.make(), 'migrations'))
    checkUpgrade(folder, JOURNAL.entries.length, initialSchemaFixture)
  })
})

describe('backup before pending migrations', () => {
  it('copies a database holding data to <dataDir>/sauvegardes/ before migrating, and the copy opens with the data', async () => {
    const dataDir = temp.make()
    const { core } = await createSetUpCore(dataDir)
    core.close()

    const folder = migrationsFolderWithExtra(
      MIGRATIONS_FOLDER,
      { tag: '9000_test_new_table', sql: 'CREATE TABLE `meetings` (`id` integer PRIMARY KEY NOT NULL, `held_on` text NOT NULL);' },
      join(temp.make(), 'migrations'),
    )
    const startedAt = Date.now()
    const opened = openDatabase({ dataDir, migrationsFolder: folder })
    const { backupPath } = opened.migration
    opened.close()

    expect(backupPath).not.toBeNull()
    const backupDir = join(dataDir, BACKUP_FOLDER_NAME)
    expect(readdirSync(backupDir)).toHaveLength(1)
    expect(backupPath).toBe(join(backupDir, readdirSync(backupDir)[0]!))
    const stamp = /avant-mise-a-jour-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})\.sqlite$/.exec(backupPath!)
    expect(stamp).not.toBeNull()
    const stampedAt = Date.parse(`${stamp![1]}T${stamp![2]}:${stamp![3]}:${stamp![4]}Z`)
    expect(Math.abs(stampedAt - startedAt)).toBeLessThan(5 * 60_000)

    const backup = new Database(backupPath!, { readonly: true, fileMustExist: true })
    try {
      expect(backup.prepare('SELECT name, population FROM commune').get()).toEqual({ name: 'Faux-Villecerf', population: 215 })
      expect(tableCounts(backup).members).toBe(6)
      expect(tableCounts(backup).profiles).toBe(1)
      // The copy is the database as it was: the new migration is not in it.
      expect(tableCounts(backup).__drizzle_migrations).toBe(JOURNAL.entries.length)
      expect(tableCounts(backup)).not.toHaveProperty('meetings')
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      backup.close()
    }
  })
})

describe('a pending migration that fails', () => {
  it('rolls back completely: same schema, same data, nothing recorded, and a French message', () => {
    const dir = temp.make()
    const dataDir = join(dir, 'data')
    const firstOnly = partialMigrationsFolder(BROKEN_MIGRATIONS, 1, join(dir, 'migrations-v1'))
    const v1 = openDatabase({ dataDir, migrationsFolder: firstOnly })
    v1.sqlite.prepare("INSERT INTO notes (title, body) VALUES ('Conseil du 12 mars', 'Budget voté'), ('Travaux', 'Route de Paisy')").run()
    v1.close()

    const file = join(dataDir, DATABASE_FILE_NAME)
    const raw = new Database(file, { readonly: true })
    const schemaBefore = schemaDump(raw)
    const dataBefore = dataDump(raw)
    raw.close()

    const error = openError(() => openDatabase({ dataDir, migrationsFolder: BROKEN_MIGRATIONS }))
    expect(error.kind).toBe('migration-failed')
    expect(error.message).toMatch(/^La mise à jour de la base de données a échoué ; vos données sont restées telles qu'elles étaient/)
    expectFrenchMessage(error.message)

    const after = new Database(file, { readonly: true })
    try {
      expect(schemaDump(after)).toEqual(schemaBefore)
      expect(dataDump(after)).toEqual(dataBefore)
      expect(tableCounts(after).__drizzle_migrations).toBe(1)
      expect(tableCounts(after)).not.toHaveProperty('tags')
    } finally {
      after.close()
    }

    // The previous version of the app still opens its data.
    const again = openDatabase({ dataDir, migrationsFolder: firstOnly })
    expect(again.migration.applied).toEqual([])
    expect(again.sqlite.prepare('SELECT title FROM notes ORDER BY id').pluck().all()).toEqual(['Conseil du 12 mars', 'Travaux'])
    again.close()
  })
})

describe('a database written by a newer version', () => {
  it('is refused with kind "too-new" and left exactly as it was', () => {
    const dataDir = temp.make()
    const opened = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    seedInitialSchema(opened.sqlite)
    const future = JOURNAL.entries.at(-1)!.when + 86_400_000
    opened.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('hash-of-a-future-migration', future)
    opened.close()

    const file = join(dataDir, DATABASE_FILE_NAME)
    const hashBefore = fileHash(file)
    const filesBefore = readdirSync(dataDir).sort()

    const error = openError(() => openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER }))
    expect(error.kind).toBe('too-new')
    expect(error.message).toContain('version plus récente de Cap Commune')
    expectFrenchMessage(error.message)

    expect(fileHash(file)).toBe(hashBefore)
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore)
    const raw = new Database(file, { readonly: true })
    try {
      expect(raw.prepare('SELECT count(*) FROM __drizzle_migrations WHERE created_at = ?').pluck().get(future)).toBe(1)
      expect(initialDataDifferences(raw)).toEqual([])
    } finally {
      raw.close()
    }
  })
})

describe('a file that is not a SQLite database', () => {
  it('is refused with kind "not-a-database", left untouched and not held open', () => {
    const dataDir = temp.make()
    const file = join(dataDir, DATABASE_FILE_NAME)
    const content = 'Compte rendu du conseil municipal — ceci est un document texte, pas une base de données.\n'.repeat(200)
    writeFileSync(file, content)

    const error = openError(() => openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER }))
    expect(error.kind).toBe('not-a-database')
    expect(error.message).toContain(file)
    expect(error.message).toContain("Il n'a pas été modifié")
    expectFrenchMessage(error.message)

    expect(readFileSync(file, 'utf8')).toBe(content)
    expect(readdirSync(dataDir)).toEqual([DATABASE_FILE_NAME])
    // The user must be able to move or replace the file while the app shows the message (Windows locks open files).
    const open = openFiles()
    if (open) expect(open).not.toContain(file)
  })
})
