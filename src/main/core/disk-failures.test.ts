/**
 * A full disk and a read-only folder under the app's writes: a French message, nothing half-written, the data intact,
 * and the same write succeeds once the disk has room again.
 */
import * as fs from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FILE_STORE_FOLDER } from './file-store/store'
import { createProject, PROJECT_CORE_OPTIONS } from './testing/projects'
import { dataDump, failure, ok } from './testing'
import { setUpCorePerTest } from './testing/per-test-core'

// The document store's writes go through node:fs; a test makes the next ones fail as a full or read-only disk would
// (a tiny tmpfs cannot be mounted here, and root ignores a chmod).
const diskRefusal = vi.hoisted(() => ({ code: null as string | null, partial: false }))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  const writeFileSync: typeof real.writeFileSync = (file, data, options) => {
    if (diskRefusal.code && typeof file === 'string' && file.includes('pieces-jointes')) {
      // ENOSPC may strike after part of the file is written: the half-written temporary file must not stay.
      if (diskRefusal.partial) real.writeFileSync(file, Buffer.from('début du fichier'), options)
      throw Object.assign(new Error(`${diskRefusal.code}: simulated`), { code: diskRefusal.code })
    }
    return real.writeFileSync(file, data, options)
  }
  return { ...real, writeFileSync, default: { ...real, writeFileSync } }
})

const setUp = setUpCorePerTest('disk-failures', PROJECT_CORE_OPTIONS)

afterEach(() => {
  diskRefusal.code = null
  diskRefusal.partial = false
})

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64')

describe('a full disk under a database write', () => {
  it('says so in French, keeps every row as it was, and the same write succeeds once there is room', async () => {
    const test = setUp()
    await createProject(test, { title: 'Église' })
    const { sqlite } = test.core.database
    const before = dataDump(sqlite)
    // The database may not grow by a single page: SQLite answers SQLITE_FULL, as on a full disk.
    const pages = sqlite.pragma('page_count', { simple: true }) as number
    sqlite.pragma(`max_page_count = ${pages}`)

    const error = await failure(test.core, test.session, 'projects.create', {
      title: 'Salle des fêtes',
      description: 'Un long texte. '.repeat(600),
      themeIds: [],
    })
    expect(error.code).toBe('STORAGE')
    expect(error.message).toMatch(/^Le disque est plein : Cap Commune n'a pas pu enregistrer/)
    expect(error.message).toContain("Rien n'a été perdu ni modifié")
    // Nothing half-done: no project, no link, no journal line.
    expect(dataDump(sqlite)).toEqual(before)
    expect((sqlite.pragma('quick_check') as { quick_check: string }[])[0]!.quick_check).toBe('ok')

    sqlite.pragma('max_page_count = 1073741823')
    await ok(test.core, test.session, 'projects.create', { title: 'Salle des fêtes', description: 'Un long texte. '.repeat(600) })
    expect((await ok(test.core, test.session, 'projects.list', {})).items.map((p) => p.title).sort()).toEqual(['Salle des fêtes', 'Église'])
  })

  it('says a read-only database folder in French, with nothing changed', async () => {
    const test = setUp()
    const { sqlite } = test.core.database
    const before = dataDump(sqlite)
    // What SQLite answers when its folder or file became read-only (SQLITE_READONLY).
    sqlite.pragma('query_only = 1')
    const error = await failure(test.core, test.session, 'projects.create', { title: 'Salle des fêtes' })
    expect(error.code).toBe('STORAGE')
    expect(error.message).toMatch(/est en lecture seule ou son accès est refusé/)
    sqlite.pragma('query_only = 0')
    expect(dataDump(sqlite)).toEqual(before)
  })
})

describe('a full or read-only disk under a document write', () => {
  it('simulates the store folder it writes to', () => expect(FILE_STORE_FOLDER).toBe('pieces-jointes'))

  for (const [code, partial, expected] of [
    ['ENOSPC', true, /^Le disque est plein/],
    ['EROFS', false, /en lecture seule ou son accès est refusé/],
  ] as const) {
    it(`${code}: a French message, no document row, no half-written file left in the store`, async () => {
      const test = setUp()
      const project = await createProject(test, { title: 'Église' })
      const before = dataDump(test.core.database.sqlite)
      diskRefusal.code = code
      diskRefusal.partial = partial

      const error = await failure(test.core, test.session, 'attachments.add', {
        projectId: project.id,
        taskId: null,
        fileName: 'devis.pdf',
        contentBase64: PDF,
      })
      expect(error.code).toBe('STORAGE')
      expect(error.message).toMatch(expected)
      expect(dataDump(test.core.database.sqlite)).toEqual(before)
      const store = join(test.dataDir, FILE_STORE_FOLDER)
      expect(fs.existsSync(store) ? fs.readdirSync(store) : []).toEqual([])

      diskRefusal.code = null
      await ok(test.core, test.session, 'attachments.add', { projectId: project.id, taskId: null, fileName: 'devis.pdf', contentBase64: PDF })
      expect(fs.readdirSync(store)).toHaveLength(1)
    })
  }
})
