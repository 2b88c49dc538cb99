import { describe, expect, it } from 'vitest'
import { setUpCorePerTest } from '../testing/per-test-core'
import { STORED_FILE_SOURCES } from './usage'

const setUp = setUpCorePerTest('file-store-usage')

describe('the rows that point into the file store', () => {
  it('lists every column holding a stored file’s hash, so that backups and archives copy every kind of file', () => {
    const { sqlite } = setUp().core.database
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    ).map((t) => t.name)
    const hashColumns = tables.flatMap((table) =>
      (sqlite.pragma(`table_info("${table}")`) as { name: string }[]).filter((c) => c.name.endsWith('sha256')).map((c) => `${table}.${c.name}`),
    )
    expect(hashColumns.length).toBeGreaterThanOrEqual(4)
    expect(hashColumns.sort()).toEqual(STORED_FILE_SOURCES.map((s) => `${s.table}.${s.hash}`).sort())
    // Each size column exists beside its hash.
    for (const source of STORED_FILE_SOURCES) {
      const columns = (sqlite.pragma(`table_info("${source.table}")`) as { name: string }[]).map((c) => c.name)
      expect(columns).toContain(source.size)
    }
  })
})
