import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError } from './errors'
import { DATABASE_FILE_NAME, OPEN_MARKER_FILE_NAME, openDatabase } from './open'
import { MIGRATIONS_FOLDER } from '../testing'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('openDatabase', () => {
  it('says the installation is broken, not the data, when the SQLite addon cannot load', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cap-commune-open-'))
    dirs.push(dataDir)
    const notAnAddon = join(dataDir, 'better_sqlite3.node')
    writeFileSync(notAnAddon, 'ceci n’est pas un module natif')
    let caught: unknown
    try {
      openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER, nativeBinding: notAnAddon })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError)
    expect((caught as DatabaseOpenError).kind).toBe('unreadable')
    expect((caught as DatabaseOpenError).message).toContain('Réinstallez Cap Commune')
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(false)
  })

  it('opens with WAL and foreign keys on', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cap-commune-open-'))
    dirs.push(dataDir)
    const opened = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    try {
      expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      opened.close()
    }
  })

  it('checks the pages at every launch of an existing file, after a clean close as after an unclean stop', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cap-commune-open-'))
    dirs.push(dataDir)
    const marker = join(dataDir, OPEN_MARKER_FILE_NAME)
    const first = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    expect(existsSync(marker)).toBe(true)
    first.close()
    expect(existsSync(marker)).toBe(false)

    const clean = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    expect(clean.checked).toBe(true)
    // The process dies here (power cut, killed): the marker stays behind.
    clean.sqlite.close()
    expect(existsSync(marker)).toBe(true)

    const afterCrash = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    expect(afterCrash.checked).toBe(true)
    afterCrash.close()
  })

  it('refuses a file damaged by an unclean stop, before anything reads it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cap-commune-open-'))
    dirs.push(dataDir)
    const opened = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })
    opened.sqlite.exec(
      'CREATE TABLE filler(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO filler SELECT randomblob(200) FROM n;',
    )
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    opened.sqlite.close()
    // A power cut in the middle of the last pages (the marker is still there).
    const file = join(dataDir, DATABASE_FILE_NAME)
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096 * 8, 0x41), 0, 4096 * 8, 4096 * 40)
    closeSync(fd)
    let caught: unknown
    try {
      openDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER }).close()
    } catch (error) {
      caught = error
    }
    expect((caught as DatabaseOpenError).kind).toBe('damaged')
    expect(existsSync(join(dataDir, OPEN_MARKER_FILE_NAME))).toBe(true)
  })
})
