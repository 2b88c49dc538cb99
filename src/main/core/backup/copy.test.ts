import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TempDirs } from '../testing'
import { copyLiveDatabase } from './copy'

const temp = new TempDirs('cap-commune-copy-')
afterEach(() => temp.cleanup())

describe('the online copy of the live database', () => {
  it('holds every committed row, those still in the WAL included, and the live file keeps working meanwhile', async () => {
    const dir = temp.make()
    const live = new Database(join(dir, 'cap-commune.sqlite'))
    live.pragma('journal_mode = WAL')
    live.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
    const insert = live.prepare('INSERT INTO notes (body) VALUES (?)')
    live.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`Note ${i}`)
    })()
    // Not checkpointed: the rows sit in cap-commune.sqlite-wal, where the worker's own connection must read them.
    const copying = copyLiveDatabase(live, join(dir, 'copie.sqlite'))
    insert.run('Écrite pendant la copie')
    await copying
    const copy = new Database(join(dir, 'copie.sqlite'), { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    const count = copy.prepare('SELECT count(*) FROM notes').pluck().get() as number
    // The copy is the database as it was at one instant: before the write made meanwhile, or after it.
    expect([5000, 5001]).toContain(count)
    expect(copy.prepare('SELECT body FROM notes WHERE id = 5000').pluck().get()).toBe('Note 4999')
    copy.close()
    expect(live.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(5001)
    live.close()
  })

  it('fails (and the backup with it) when the copy cannot be written, leaving the live file alone', async () => {
    const dir = temp.make()
    const live = new Database(join(dir, 'cap-commune.sqlite'))
    live.pragma('journal_mode = WAL')
    live.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)')
    await expect(copyLiveDatabase(live, join(dir, 'absent', 'copie.sqlite'))).rejects.toThrow()
    expect(live.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0)
    live.close()
  })
})
