import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProject, PROJECT_CORE_OPTIONS } from '../testing/projects'
import { ok, TempDirs, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { BackupEngine, MIN_FREE_BYTES, SECOND_LOCATION_FOLDER, type OperationProgress } from './engine'
import { parseManifest } from './manifest'

const setUp = setUpCorePerTest('backup-engine', PROJECT_CORE_OPTIONS)
const temp = new TempDirs('cap-commune-backup-')
afterEach(() => temp.cleanup())

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

function engineFor(test: TestCore, overrides: Partial<ConstructorParameters<typeof BackupEngine>[0]> = {}) {
  const progress: OperationProgress[] = []
  let clock = new Date('2026-05-04T10:00:00.000Z')
  const engine = new BackupEngine({
    dataDir: test.dataDir,
    documentsDir: join(test.dataDir, 'pieces-jointes'),
    appVersion: '0.0.0-test',
    referentielVersion: () => '2026.1',
    now: () => clock,
    log: () => undefined,
    onProgress: (p) => progress.push(p),
    ...overrides,
  })
  return { engine, progress, setClock: (at: string) => (clock = new Date(at)) }
}

async function withDocuments(test: TestCore, contents: string[]) {
  const project = await createProject(test)
  for (const [i, text] of contents.entries()) {
    await ok(test.core, test.session, 'attachments.add', {
      projectId: project.id,
      fileName: `piece-${i}.txt`,
      contentBase64: Buffer.from(text).toString('base64'),
    })
  }
  return project
}

describe('backups', () => {
  it('copies the database and every document, describes them in a manifest, and verifies the copy', async () => {
    const test = setUp()
    await withDocuments(test, ['devis voirie', 'plan cantine'])
    const { engine, progress } = engineFor(test)
    const { backup } = await engine.backup(test.core.database.sqlite, 'manuelle', 'Secrétariat')

    expect(backup.id).toMatch(/^2026-05-04-\d{6}-manuelle$/)
    const manifest = parseManifest(readFileSync(join(backup.dir, 'manifest.json'), 'utf8'))
    expect(manifest.ok).toBe(true)
    if (!manifest.ok) return
    expect(manifest.manifest).toMatchObject({
      kind: 'manuelle',
      madeBy: 'Secrétariat',
      app: { version: '0.0.0-test' },
      referentiel: { version: '2026.1' },
      commune: { name: 'Faux-Villecerf', inseeCode: '10145' },
      counts: { projects: 1, documents: 2, members: 6 },
      lastChange: { by: 'Secrétariat' },
    })
    expect(manifest.manifest.schema.migrations).toBeGreaterThan(0)
    // The copy stands alone (no WAL), is intact and is what the manifest says.
    const copy = join(backup.dir, 'cap-commune.sqlite')
    expect(existsSync(`${copy}-wal`)).toBe(false)
    expect(sha(readFileSync(copy))).toBe(manifest.manifest.database.sha256)
    const db = new Database(copy, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n).toBe(2)
    db.close()
    for (const text of ['devis voirie', 'plan cantine']) {
      const hash = sha(Buffer.from(text))
      expect(readFileSync(join(engine.local.documentsDir, hash), 'utf8')).toBe(text)
    }
    // Progress in words, up to the end.
    expect(progress.map((p) => p.step)).toEqual(expect.arrayContaining(['Vérification de la copie de la base', 'Sauvegarde terminée']))
    expect(progress.at(-1)).toMatchObject({ done: 100, total: 100 })
  })

  it('keeps one copy of each document however many backups list it', async () => {
    const test = setUp()
    await withDocuments(test, ['budget'])
    const { engine, setClock } = engineFor(test)
    await engine.backup(test.core.database.sqlite, 'quotidienne', 'Automatique')
    setClock('2026-05-05T10:00:00.000Z')
    await engine.backup(test.core.database.sqlite, 'quotidienne', 'Automatique')
    expect(engine.local.list().backups).toHaveLength(2)
    expect(readdirSync(engine.local.documentsDir)).toEqual([sha(Buffer.from('budget'))])
  })

  it('deletes the backups the rotation drops, and the documents only they held', async () => {
    const test = setUp()
    const { engine, setClock } = engineFor(test)
    const project = await withDocuments(test, ['ancien document'])
    const start = new Date('2025-01-01T09:00:00.000Z').getTime()
    for (let day = 0; day <= 480; day += 40) {
      setClock(new Date(start + day * 86_400_000).toISOString())
      await engine.backup(test.core.database.sqlite, 'quotidienne', 'Automatique')
      if (day === 0) {
        const [attachment] = (await ok(test.core, test.session, 'projects.get', { id: project.id })).attachments
        await ok(test.core, test.session, 'attachments.remove', { id: attachment!.id })
      }
    }
    // 13 made over 16 months: those older than 12 months went, and with them the only document they held.
    const kept = engine.local.list().backups
    expect(kept.map((b) => b.manifest.createdAt.slice(0, 10))).not.toContain('2025-01-01')
    expect(kept.length).toBeLessThan(13)
    expect(new Date('2026-04-26T09:00:00.000Z').getTime() - new Date(kept.at(-1)!.manifest.createdAt).getTime()).toBeLessThan(366 * 86_400_000)
    expect(readdirSync(engine.local.documentsDir)).toEqual([])
  })

  it('refuses in French, touching nothing, when the disk would be nearly full', async () => {
    const test = setUp()
    const { engine } = engineFor(test, { freeBytes: async () => MIN_FREE_BYTES + 1000 })
    await expect(engine.backup(test.core.database.sqlite, 'manuelle', 'Secrétariat')).rejects.toThrow(
      /il ne resterait presque plus de place sur le disque .*Libérez de la place/,
    )
    expect(engine.local.list().backups).toEqual([])
    expect(engine.settings().lastFailure?.message).toMatch(/place sur le disque/)
  })

  it('copies each backup, verified, to the second location, and records when it was unreachable', async () => {
    const test = setUp()
    await withDocuments(test, ['arrêté municipal'])
    const key = join(temp.make(), 'CLE-USB')
    mkdirSync(key)
    const { engine, setClock } = engineFor(test)
    engine.updateSettings((s) => ({
      ...s,
      secondLocation: { path: key, chosenAt: '2026-05-04T09:00:00.000Z', lastCopyAt: null, lastAttemptAt: null, lastProblem: null },
    }))
    const made = await engine.backup(test.core.database.sqlite, 'manuelle', 'Secrétariat')
    expect(made.secondLocation).toEqual({ copied: true, problem: null })
    const remote = readdirSync(join(key, SECOND_LOCATION_FOLDER)).sort()
    expect(remote).toEqual(['LISEZMOI.txt', made.backup.id, 'documents'].sort())
    expect(readFileSync(join(key, SECOND_LOCATION_FOLDER, 'documents', sha(Buffer.from('arrêté municipal'))), 'utf8')).toBe('arrêté municipal')
    expect(engine.settings().secondLocation?.lastCopyAt).toBe('2026-05-04T10:00:00.000Z')

    // The key is unplugged: the local backup is still made, the problem is recorded in French.
    setClock('2026-05-06T10:00:00.000Z')
    const unplugged = join(temp.make(), 'absente')
    engine.updateSettings((s) => ({ ...s, secondLocation: { ...s.secondLocation!, path: unplugged } }))
    const second = await engine.backup(test.core.database.sqlite, 'quotidienne', 'Automatique')
    expect(second.secondLocation?.copied).toBe(false)
    expect(second.secondLocation?.problem).toMatch(/introuvable ou illisible .*Rebranchez-le/)
    expect(engine.settings().secondLocation).toMatchObject({ lastCopyAt: '2026-05-04T10:00:00.000Z', lastAttemptAt: '2026-05-06T10:00:00.000Z' })
    expect(engine.local.list().backups).toHaveLength(2)
  })

  it('removes at start what an interrupted backup left half-written', async () => {
    const test = setUp()
    const { engine } = engineFor(test)
    await engine.backup(test.core.database.sqlite, 'manuelle', 'Secrétariat')
    mkdirSync(join(engine.local.root, '.en-cours-abc123'))
    writeFileSync(join(engine.local.root, '.en-cours-abc123', 'cap-commune.sqlite'), 'moitié')
    writeFileSync(join(engine.local.documentsDir, `${'a'.repeat(64)}.1234.tmp`), 'moitié')
    engine.removeLeftovers()
    expect(readdirSync(engine.local.root).filter((name) => name.startsWith('.'))).toEqual([])
    expect(readdirSync(engine.local.documentsDir)).toEqual([])
    expect(engine.local.list().backups).toHaveLength(1)
  })

  it('makes the same verified backup synchronously before migrations', async () => {
    const test = setUp()
    await withDocuments(test, ['délibération'])
    const { engine } = engineFor(test)
    const backup = engine.backupSync(test.core.database.sqlite, 'avant-mise-a-jour', 'Cap Commune')
    expect(backup.manifest).toMatchObject({ kind: 'avant-mise-a-jour', counts: { documents: 1 } })
    expect(readdirSync(engine.local.documentsDir)).toEqual([sha(Buffer.from('délibération'))])
  })
})
