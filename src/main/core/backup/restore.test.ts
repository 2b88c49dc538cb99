import { createHash } from 'node:crypto'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createProject, PROJECT_CORE_OPTIONS } from '../testing/projects'
import { call, createTestCore, dataDump, failure, ok, TempDirs, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { OPEN_MARKER_FILE_NAME } from '../db/open'

const setUp = setUpCorePerTest('restore', PROJECT_CORE_OPTIONS)
const temp = new TempDirs('cap-commune-restore-')
const opened: TestCore[] = []
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
  temp.cleanup()
})

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const b64 = (text: string) => Buffer.from(text).toString('base64')

function fresh(dataDir = join(temp.make(), 'data')): TestCore {
  const test = createTestCore(dataDir, PROJECT_CORE_OPTIONS)
  opened.push(test)
  return test
}

async function exportTo(test: TestCore): Promise<string> {
  const result = await ok(test.core, test.session, 'archive.export')
  expect(result).toMatchObject({ cancelled: false, savedTo: null })
  return join(test.dataDir, 'exports', result.fileName)
}

async function prepare(test: TestCore, file: string) {
  const { fileId } = test.core.registerIncomingFile(file, 'commune.capcommune')
  return call(test.core, test.session, 'archive.prepare', { fileId })
}

describe('restoring a backup', () => {
  it('brings back every kind of stored file: an élu’s training attestation as well as a project’s document', async () => {
    const test = setUp()
    const { core, session } = test
    const members = await ok(core, session, 'members.list', {})
    const training = await ok(core, session, 'training.create', {
      memberId: members[0]!.id,
      title: 'Les finances communales',
      startOn: '2026-10-05',
      endOn: '2026-10-05',
      durationHours: 7,
      status: 'suivie',
    })
    const attestation = Buffer.from('%PDF-1.4 attestation de présence')
    await ok(core, session, 'training.addAttestation', {
      id: training.id,
      fileName: 'attestation.pdf',
      contentBase64: attestation.toString('base64'),
    })
    const backup = await ok(core, session, 'backups.create')
    expect(backup.documents).toBe(1)

    // The training is deleted afterwards: its attestation leaves the data folder.
    await ok(core, session, 'training.remove', { id: training.id })
    const stored = join(test.dataDir, 'pieces-jointes', sha(attestation))
    expect(existsSync(stored)).toBe(false)

    await ok(core, session, 'backups.restore', { id: backup.id })
    expect(readFileSync(stored)).toEqual(attestation)
  })

  it('backs up the current state first, then puts the backup in place, documents included', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test, { title: 'Salle des fêtes' })
    await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'devis.txt', contentBase64: b64('devis initial') })
    const backup = await ok(core, session, 'backups.create')
    expect(backup).toMatchObject({ kind: 'manuelle', projects: 1, documents: 1, madeBy: 'Secrétariat', communeName: 'Faux-Villecerf' })
    const before = dataDump(core.database.sqlite)

    // Later: another project, and the document removed (its bytes leave the data folder).
    await createProject(test, { title: 'Voirie 2027' })
    const [attachment] = (await ok(core, session, 'projects.get', { id: project.id })).attachments
    await ok(core, session, 'attachments.remove', { id: attachment!.id })
    expect(existsSync(join(test.dataDir, 'pieces-jointes', sha(Buffer.from('devis initial'))))).toBe(false)

    const restored = await ok(core, session, 'backups.restore', { id: backup.id })
    expect(restored.safetyBackupId).toMatch(/avant-restauration$/)
    expect(dataDump(core.database.sqlite)).toEqual(before)
    expect(readFileSync(join(test.dataDir, 'pieces-jointes', sha(Buffer.from('devis initial'))), 'utf8')).toBe('devis initial')
    // Everyone chooses their profile again (the restored data may have other profiles).
    expect(session.profileId).toBeNull()
    const list = await ok(core, core.newSession(), 'app.status')
    expect(list.setupDone).toBe(true)
    // The state just before the restore is kept, with the later project.
    const { backups } = core.data.engine.local.list()
    expect(backups.find((b) => b.id === restored.safetyBackupId)?.manifest.counts.projects).toBe(2)
  })

  it('refuses a backup whose copy is damaged, and changes nothing', async () => {
    const test = setUp()
    const { core, session } = test
    await createProject(test)
    const backup = await ok(core, session, 'backups.create')
    const file = join(core.data.engine.local.root, backup.id, 'cap-commune.sqlite')
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x55), 0, 4096, 4096)
    closeSync(fd)
    const before = dataDump(core.database.sqlite)
    const error = await failure(core, session, 'backups.restore', { id: backup.id })
    expect(error.message).toMatch(/^La sauvegarde du .* est endommagé\(e\).*rien n'a été modifié/)
    expect(dataDump(core.database.sqlite)).toEqual(before)
    expect(readdirSync(test.dataDir).filter((n) => n.startsWith('.restauration'))).toEqual([])
  })
})

describe('moving the commune to another computer', () => {
  it('exports one .capcommune file that a new installation imports whole', async () => {
    const test = setUp()
    const project = await createProject(test, { title: 'Cantine' })
    await ok(test.core, test.session, 'attachments.add', { projectId: project.id, fileName: 'menu.txt', contentBase64: b64('menus de la cantine') })
    const file = await exportTo(test)
    expect(file).toMatch(/Faux-Villecerf \d{4}-\d{2}-\d{2}\.capcommune$/)
    const expected = dataDump(test.core.database.sqlite)

    const target = fresh()
    expect((await ok(target.core, target.session, 'app.status')).setupDone).toBe(false)
    const prepared = await prepare(target, file)
    if (!prepared.ok) throw new Error(prepared.error.message)
    expect(prepared.value.summary).toMatchObject({ kind: 'export', communeName: 'Faux-Villecerf', projects: 1, documents: 1 })
    // Checked, but nothing changed yet.
    expect((await ok(target.core, target.session, 'app.status')).setupDone).toBe(false)
    await ok(target.core, target.session, 'archive.import', { token: prepared.value.token })
    expect(dataDump(target.core.database.sqlite)).toEqual(expected)
    expect(readFileSync(join(target.dataDir, 'pieces-jointes', sha(Buffer.from('menus de la cantine'))), 'utf8')).toBe('menus de la cantine')
    expect((await ok(target.core, target.core.newSession(), 'app.status')).setupDone).toBe(true)
  })

  it('refuses a truncated or damaged archive with a clear message, touching nothing', async () => {
    const test = setUp()
    const project = await createProject(test)
    await ok(test.core, test.session, 'attachments.add', { projectId: project.id, fileName: 'plan.txt', contentBase64: b64('plan'.repeat(1000)) })
    const file = await exportTo(test)
    const target = fresh()
    const before = readdirSync(target.dataDir).sort()

    const truncated = join(temp.make(), 'tronque.capcommune')
    writeFileSync(truncated, readFileSync(file).subarray(0, Math.floor(statSync(file).size * 0.6)))
    const cut = await prepare(target, truncated)
    expect(cut.ok).toBe(false)
    if (!cut.ok) expect(cut.error.message).toMatch(/« commune\.capcommune » est endommagé\(e\) ou incomplet\(ète\)/)

    const notAnArchive = join(temp.make(), 'photo.capcommune')
    writeFileSync(notAnArchive, 'ceci n’est pas une archive')
    const wrong = await prepare(target, notAnArchive)
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error.message).toMatch(/endommagé/)

    // A byte changed inside the database: gzip and tar are fine, the checksum is not.
    const tar = gunzipSync(readFileSync(file))
    const at = tar.indexOf(Buffer.from('SQLite format 3')) + 2000
    tar[at] = tar[at]! ^ 0xff
    const altered = join(temp.make(), 'modifie.capcommune')
    writeFileSync(altered, gzipSync(tar))
    const changed = await prepare(target, altered)
    expect(changed.ok).toBe(false)
    if (!changed.ok) expect(changed.error.message).toMatch(/ne correspond pas à son empreinte|ne passe pas la vérification/)

    expect(readdirSync(target.dataDir).sort()).toEqual(before)
    expect((await ok(target.core, target.session, 'app.status')).setupDone).toBe(false)
  })

  it('refuses an archive from a newer version of Cap Commune', async () => {
    const test = setUp()
    const file = await exportTo(test)
    const tar = gunzipSync(readFileSync(file))
    const target = fresh()
    for (const [from, to] of [
      ['"formatVersion": 1', '"formatVersion": 9'],
      ['"lastMigration": ', '"lastMigration": 9'],
    ] as const) {
      const edited = Buffer.from(tar)
      const index = edited.indexOf(Buffer.from(from))
      Buffer.from(to).copy(edited, index)
      const newer = join(temp.make(), 'recente.capcommune')
      writeFileSync(newer, gzipSync(edited))
      const result = await prepare(target, newer)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(/vient d'une version plus récente de Cap Commune .*Installez la dernière version/)
    }
  })

  it('lets only an administrator replace the data of a set-up commune', async () => {
    const test = setUp()
    const file = await exportTo(test)
    const { fileId } = test.core.registerIncomingFile(file, 'x.capcommune')
    const anonymous = test.core.newSession()
    anonymous.profileId = null
    expect((await failure(test.core, anonymous, 'archive.prepare', { fileId })).code).toBe('NOT_SIGNED_IN')
  })
})

describe('at launch, data that cannot be opened', () => {
  it('are detected and replaced by the backup the user picks, the damaged file kept aside', async () => {
    const test = setUp()
    await createProject(test, { title: 'Église' })
    const backup = await ok(test.core, test.session, 'backups.create')
    const expected = dataDump(test.core.database.sqlite)
    test.core.close()
    // A power cut in the middle of a page: the file is damaged, and the app did not close (its marker stays).
    writeFileSync(join(test.dataDir, OPEN_MARKER_FILE_NAME), '1\n')
    const file = join(test.dataDir, 'cap-commune.sqlite')
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0x41), 0, 8192, 8192)
    closeSync(fd)

    const reopened = fresh(test.dataDir)
    expect(reopened.core.recovery?.problem).toMatch(/endommagé/)
    const status = await ok(reopened.core, reopened.session, 'app.status')
    expect(status.recovery?.backups.map((b) => b.id)).toEqual([backup.id])
    expect(status.setupDone).toBe(false)
    // Nothing else runs meanwhile: no setup wizard on top, no crash.
    expect((await failure(reopened.core, reopened.session, 'setup.complete', {})).message).toMatch(/restaurées/)

    await ok(reopened.core, reopened.session, 'recovery.restore', { id: backup.id })
    expect(reopened.core.recovery).toBeNull()
    expect(dataDump(reopened.core.database.sqlite)).toEqual(expected)
    const aside = readdirSync(test.dataDir).filter((n) => n.startsWith('fichier-endommage-'))
    expect(aside).toHaveLength(1)
    expect(readdirSync(join(test.dataDir, aside[0]!))).toContain('cap-commune.sqlite')
  })

  it('do not become a new empty commune when the file is gone but backups exist', async () => {
    const test = setUp()
    await ok(test.core, test.session, 'backups.create')
    test.core.close()
    truncateSync(join(test.dataDir, 'cap-commune.sqlite'), 0)
    const { rmSync } = await import('node:fs')
    rmSync(join(test.dataDir, 'cap-commune.sqlite'))
    const reopened = fresh(test.dataDir)
    expect(reopened.core.recovery?.problem).toMatch(/introuvable/)
    expect((await ok(reopened.core, reopened.session, 'app.status')).recovery?.backups).toHaveLength(1)
  })
})
