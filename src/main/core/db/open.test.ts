import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError } from './errors'
import { DATABASE_FILE_NAME, openDatabase } from './open'
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
})
