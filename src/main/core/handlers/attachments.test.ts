import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '../../../shared/contract'
import { count, createProject, NOW, PROJECT_CORE_OPTIONS, projectAudit } from '../testing/projects'
import { failure, ok, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { signInAsElu } from '../testing/referentiel'

const setUp = setUpCorePerTest('attachments', PROJECT_CORE_OPTIONS)
/** The Electron app's viewer, faked: records the paths it is asked to open, answers what `viewerAnswer` says. */
const opened: string[] = []
let viewerAnswer = ''
const setUpWithViewer = setUpCorePerTest('attachments-viewer', {
  ...PROJECT_CORE_OPTIONS,
  openFile: async (filePath) => {
    opened.push(filePath)
    return viewerAnswer
  },
})
afterEach(() => {
  for (const path of opened.splice(0)) rmSync(dirname(path), { recursive: true, force: true })
  viewerAnswer = ''
})

const PDF = Buffer.from('%PDF-1.4\n% plan de la cantine\n')
const b64 = (bytes: Buffer) => bytes.toString('base64')
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

function stored({ dataDir }: TestCore): string[] {
  const folder = join(dataDir, 'pieces-jointes')
  return existsSync(folder) ? readdirSync(folder).sort() : []
}

describe('attachments', () => {
  it('stores the bytes once per content, returns them as base64, and deletes them with the last document', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    await signInAsElu(core, session, 'Paul Bernard')
    const a = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'Plan cantine.PDF', contentBase64: b64(PDF) })
    expect(a).toEqual({
      id: a.id,
      projectId: project.id,
      taskId: null,
      fileName: 'Plan cantine.PDF',
      mimeType: 'application/pdf',
      size: PDF.length,
      addedAt: NOW,
      addedBy: 'Paul Bernard',
    })
    const b = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: '../../copie.pdf', contentBase64: b64(PDF) })
    expect(b.fileName).toBe('copie.pdf')
    expect(stored(test)).toEqual([sha(PDF)])
    expect(await ok(core, session, 'attachments.get', { id: b.id })).toEqual({
      fileName: 'copie.pdf',
      mimeType: 'application/pdf',
      contentBase64: b64(PDF),
    })

    await ok(core, session, 'attachments.remove', { id: a.id })
    expect(stored(test)).toEqual([sha(PDF)])
    await ok(core, session, 'attachments.remove', { id: b.id })
    expect(stored(test)).toEqual([])
    expect(projectAudit(core.database.sqlite, { entity: 'attachment' }).map((r) => [r.action, r.projectId, r.profileName])).toEqual([
      ['create', project.id, 'Paul Bernard'],
      ['create', project.id, 'Paul Bernard'],
      ['delete', project.id, 'Paul Bernard'],
      ['delete', project.id, 'Paul Bernard'],
    ])
    expect((await failure(core, session, 'attachments.get', { id: a.id })).code).toBe('NOT_FOUND')
  })

  it('keeps bytes that a piece of evidence of the diagnostic still uses (shared store)', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic' })
    await ok(core, session, 'evidence.add', {
      campaignId: campaign.id,
      criterionId: 'risques-dicrim',
      fileName: 'dicrim.pdf',
      contentBase64: b64(PDF),
    })
    const attachment = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'dicrim.pdf', contentBase64: b64(PDF) })
    await ok(core, session, 'attachments.remove', { id: attachment.id })
    expect(stored(test)).toEqual([sha(PDF)])
  })

  it('refuses empty, malformed and too large files, a task of another project, and writes nothing', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const other = await createProject(test, { title: 'Autre' })
    const task = await ok(core, session, 'tasks.create', { projectId: other.id, title: 'T' })
    const before = count(core.database.sqlite, 'audit_log')
    const add = (input: object) => failure(core, session, 'attachments.add', { projectId: project.id, fileName: 'f.pdf', ...input })
    expect((await add({ contentBase64: '' })).message).toBe('Le fichier est vide.')
    expect((await add({ contentBase64: 'pas du base64 !' })).message).toMatch(/mal transmis/)
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 1)
    expect(await add({ contentBase64: b64(big) })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/dépasse 20 Mo/) })
    expect((await add({ contentBase64: b64(PDF), taskId: task.id })).code).toBe('CONFLICT')
    expect((await add({ contentBase64: b64(PDF), projectId: 999 })).code).toBe('NOT_FOUND')
    expect(count(core.database.sqlite, 'attachments')).toBe(0)
    expect(count(core.database.sqlite, 'audit_log')).toBe(before)
    expect(stored(test)).toEqual([])
  })

  it('says in French when the bytes have disappeared from the data folder', async () => {
    const test = setUp()
    const { core, session } = test
    const project = await createProject(test)
    const a = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'plan.pdf', contentBase64: b64(PDF) })
    rmSync(join(test.dataDir, 'pieces-jointes', sha(PDF)))
    expect((await failure(core, session, 'attachments.get', { id: a.id })).message).toMatch(/« plan.pdf » est introuvable/)
  })
})

describe('attachments.open', () => {
  it('opens a copy under its own name, byte for byte, in a folder of its own under the temporary folder', async () => {
    const test = setUpWithViewer()
    const { core, session } = test
    const project = await createProject(test)
    const a = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'Plan cantine.pdf', contentBase64: b64(PDF) })
    const b = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'Plan cantine.pdf', contentBase64: b64(PDF) })
    expect(await ok(core, session, 'attachments.open', { id: a.id })).toEqual({ opened: true })
    expect(await ok(core, session, 'attachments.open', { id: b.id })).toEqual({ opened: true })
    expect(opened).toHaveLength(2)
    for (const path of opened) {
      expect(basename(path)).toBe('Plan cantine.pdf')
      expect(dirname(dirname(path))).toBe(join(tmpdir(), 'cap-commune-ouverture'))
      expect(readFileSync(path)).toEqual(PDF)
      // Read-only: what the viewer changes is not silently kept in a temporary copy.
      expect(statSync(path).mode & 0o222).toBe(0)
    }
    // Same name twice: two folders, no clash; the store is untouched.
    expect(dirname(opened[0]!)).not.toBe(dirname(opened[1]!))
    expect(stored(test)).toEqual([sha(PDF)])
  })

  it('gives the copy a name Windows accepts', async () => {
    const test = setUpWithViewer()
    const { core, session } = test
    const project = await createProject(test)
    // A name from before displayFileName, written straight into the database.
    const a = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'devis.pdf', contentBase64: b64(PDF) })
    core.database.sqlite.prepare('UPDATE attachments SET file_name = ? WHERE id = ?').run('Devis: "école" v2?.pdf. ', a.id)
    await ok(core, session, 'attachments.open', { id: a.id })
    expect(basename(opened[0]!)).toBe('Devis école v2.pdf')
  })

  it('without a viewer (browser host), or for a program, answers opened: false so the renderer downloads it', async () => {
    const plain = setUp()
    const project = await createProject(plain)
    const a = await ok(plain.core, plain.session, 'attachments.add', { projectId: project.id, fileName: 'plan.pdf', contentBase64: b64(PDF) })
    expect(await ok(plain.core, plain.session, 'attachments.open', { id: a.id })).toEqual({ opened: false })

    const test = setUpWithViewer()
    const other = await createProject(test)
    const program = await ok(test.core, test.session, 'attachments.add', {
      projectId: other.id,
      fileName: 'facture.exe',
      contentBase64: b64(Buffer.from('MZ\x90\x00\x03\x00programme')),
    })
    expect(await ok(test.core, test.session, 'attachments.open', { id: program.id })).toEqual({ opened: false })
    expect(opened).toEqual([])
  })

  it('says in French when the document is unknown, its bytes are gone, or the computer cannot open it', async () => {
    const test = setUpWithViewer()
    const { core, session } = test
    expect(await failure(core, session, 'attachments.open', { id: 999 })).toEqual({
      code: 'NOT_FOUND',
      message: "Ce document n'existe plus : la liste a peut-être été modifiée entre-temps.",
    })
    const project = await createProject(test)
    const a = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'plan.pdf', contentBase64: b64(PDF) })
    viewerAnswer = 'No application is associated with the specified file'
    expect(await failure(core, session, 'attachments.open', { id: a.id })).toEqual({
      code: 'CONFLICT',
      message:
        "« plan.pdf » n'a pas pu être ouvert sur cet ordinateur (No application is associated with the specified file). Utilisez « Télécharger » pour l'enregistrer, puis ouvrez-le depuis votre dossier.",
    })
    rmSync(join(test.dataDir, 'pieces-jointes', sha(PDF)))
    expect((await failure(core, session, 'attachments.open', { id: a.id })).message).toBe(
      'Le fichier « plan.pdf » est introuvable dans le dossier de données (pieces-jointes). Joignez-le à nouveau.',
    )
    expect(await failure(core, session, 'attachments.open', { id: 'x' })).toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('types a file from its bytes, gives it a name Windows can save, and never opens an SVG', async () => {
    const test = setUpWithViewer()
    const { core, session } = test
    const project = await createProject(test)
    const add = (fileName: string, bytes: Buffer) =>
      ok(core, session, 'attachments.add', { projectId: project.id, fileName, contentBase64: b64(bytes) })
    // A text file claiming to be an image is text, and called so.
    expect(await add('photo.png', Buffer.from('Ceci est un texte.'))).toMatchObject({ fileName: 'photo.txt', mimeType: 'text/plain' })
    // A real PNG named .pdf is a PNG.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
    expect(await add('plan.pdf', png)).toMatchObject({ fileName: 'plan.png', mimeType: 'image/png' })
    // Windows device names and trailing dots.
    expect((await add('CON', PDF)).fileName).toBe('_CON.pdf')
    expect((await add('NUL.pdf', PDF)).fileName).toBe('_NUL.pdf')
    expect((await add('rapport final.pdf...', PDF)).fileName).toBe('rapport final.pdf')
    // An SVG would run its script from file://: it is offered as a download, never opened.
    const svg = await add('blason.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))
    expect(await ok(core, session, 'attachments.open', { id: svg.id })).toEqual({ opened: false })
    expect(opened).toEqual([])
  })
})
