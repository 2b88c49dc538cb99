import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '../../../shared/contract'
import { displayFileName, mimeTypeOf } from '../file-store/store'
import { auditRows, failure, ok, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE, signInAsElu } from '../testing/referentiel'

const NOW = '2026-05-04T10:00:00.000Z'
const setUp = setUpCorePerTest('evidence', { now: () => new Date(NOW), referentielFile: FIXTURE_REFERENTIEL_FILE })
/** The Electron app's viewer, faked: records the paths it is asked to open. */
const opened: string[] = []
const setUpWithViewer = setUpCorePerTest('evidence-viewer', {
  now: () => new Date(NOW),
  referentielFile: FIXTURE_REFERENTIEL_FILE,
  openFile: async (filePath) => {
    opened.push(filePath)
    return ''
  },
})
afterEach(() => {
  for (const path of opened.splice(0)) rmSync(dirname(path), { recursive: true, force: true })
})

const PDF = Buffer.from('%PDF-1.4\n% délibération du budget\n')
const b64 = (bytes: Buffer) => bytes.toString('base64')
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

async function campaignOf({ core, session }: TestCore): Promise<number> {
  return (await ok(core, session, 'campaigns.create', { name: 'Diagnostic' })).id
}

function stored(dataDir: string): string[] {
  const folder = join(dataDir, 'pieces-jointes')
  return existsSync(folder) ? readdirSync(folder).sort() : []
}

describe('evidence.add', () => {
  it('stores the bytes under pieces-jointes/<sha256>, keeps the name and a MIME type, and shows it on the answer', async () => {
    const test = setUp()
    const { core, session, dataDir } = test
    const campaignId = await campaignOf(test)
    await signInAsElu(core, session, 'Paul Bernard')
    const added = await ok(core, session, 'evidence.add', {
      campaignId,
      criterionId: 'budget-vote-delai',
      fileName: 'Délibération budget 2026.PDF',
      contentBase64: b64(PDF),
    })
    expect(added).toEqual({
      id: added.id,
      fileName: 'Délibération budget 2026.PDF',
      mimeType: 'application/pdf',
      size: PDF.length,
      addedAt: NOW,
      addedBy: 'Paul Bernard',
    })
    expect(stored(dataDir)).toEqual([sha(PDF)])
    expect(readFileSync(join(dataDir, 'pieces-jointes', sha(PDF)))).toEqual(PDF)
    // The criterion had no answer yet: one « non renseigné » holds the file.
    const answers = await ok(core, session, 'answers.list', { campaignId })
    expect(answers).toEqual([expect.objectContaining({ criterionId: 'budget-vote-delai', status: 'non_renseigne', evidence: [added] })])
    expect(auditRows(core.database.sqlite, { entity: 'evidence' })).toEqual([
      expect.objectContaining({
        action: 'create',
        profileName: 'Paul Bernard',
        after: expect.objectContaining({ fileName: 'Délibération budget 2026.PDF', sha256: sha(PDF) }),
      }),
    ])
  })

  it('the same content twice is stored once; removing one keeps the bytes for the other, removing both deletes them', async () => {
    const test = setUp()
    const { core, session, dataDir } = test
    const campaignId = await campaignOf(test)
    const a = await ok(core, session, 'evidence.add', {
      campaignId,
      criterionId: 'budget-vote-delai',
      fileName: 'budget.pdf',
      contentBase64: b64(PDF),
    })
    const b = await ok(core, session, 'evidence.add', { campaignId, criterionId: 'risques-alerte', fileName: 'copie.pdf', contentBase64: b64(PDF) })
    expect(stored(dataDir)).toEqual([sha(PDF)])
    await ok(core, session, 'evidence.remove', { id: a.id })
    expect(stored(dataDir)).toEqual([sha(PDF)])
    expect(await ok(core, session, 'evidence.get', { id: b.id })).toEqual({
      fileName: 'copie.pdf',
      mimeType: 'application/pdf',
      contentBase64: b64(PDF),
    })
    await ok(core, session, 'evidence.remove', { id: b.id })
    expect(stored(dataDir)).toEqual([])
    expect(auditRows(core.database.sqlite, { entity: 'evidence' }).map((r) => r.action)).toEqual(['create', 'create', 'delete', 'delete'])
    expect((await failure(core, session, 'evidence.remove', { id: b.id })).code).toBe('NOT_FOUND')
  })

  it('refuses an empty file, a file over 20 MB and bad base64, in French, and writes nothing', async () => {
    const test = setUp()
    const { core, session, dataDir } = test
    const campaignId = await campaignOf(test)
    const base = { campaignId, criterionId: 'budget-vote-delai', fileName: 'budget.pdf' }
    expect(await failure(core, session, 'evidence.add', { ...base, contentBase64: '' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Le fichier est vide.',
    })
    // Padding alone is not base64.
    expect(await failure(core, session, 'evidence.add', { ...base, contentBase64: '====' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Le fichier n'a pas pu être lu : il est mal transmis. Joignez-le à nouveau.",
    })
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 1)
    expect(await failure(core, session, 'evidence.add', { ...base, contentBase64: b64(big) })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Le fichier dépasse 20 Mo : joignez un fichier plus léger.',
    })
    expect(await failure(core, session, 'evidence.add', { ...base, contentBase64: 'pas du base64 !' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Le fichier n'a pas pu être lu : il est mal transmis. Joignez-le à nouveau.",
    })
    expect((await failure(core, session, 'evidence.add', { ...base, criterionId: 'inconnu', contentBase64: b64(PDF) })).code).toBe('NOT_FOUND')
    expect((await failure(core, session, 'evidence.add', { ...base, campaignId: 999, contentBase64: b64(PDF) })).code).toBe('NOT_FOUND')
    expect(stored(dataDir)).toEqual([])
    expect(await ok(core, session, 'answers.list', { campaignId })).toEqual([])
    expect(auditRows(core.database.sqlite, { entity: 'evidence' })).toEqual([])
  })

  it('accepts exactly 20 MB', async () => {
    const test = setUp()
    const campaignId = await campaignOf(test)
    const limit = Buffer.alloc(MAX_FILE_BYTES, 7)
    const added = await ok(test.core, test.session, 'evidence.add', {
      campaignId,
      criterionId: 'risques-alerte',
      fileName: 'plan.png',
      contentBase64: b64(limit),
    })
    // Its bytes are not a PNG: it is stored as what they are.
    expect(added).toMatchObject({ size: MAX_FILE_BYTES, mimeType: 'text/plain', fileName: 'plan.txt' })
  })

  it('a closed campaign refuses new files and removals (CONFLICT)', async () => {
    const test = setUp()
    const { core, session, dataDir } = test
    const campaignId = await campaignOf(test)
    const added = await ok(core, session, 'evidence.add', {
      campaignId,
      criterionId: 'risques-alerte',
      fileName: 'a.txt',
      contentBase64: b64(Buffer.from('a')),
    })
    await ok(core, session, 'campaigns.update', { id: campaignId, name: 'Diagnostic', closed: true })
    const error = await failure(core, session, 'evidence.add', {
      campaignId,
      criterionId: 'risques-alerte',
      fileName: 'b.txt',
      contentBase64: b64(Buffer.from('b')),
    })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toMatch(/^La campagne est close/)
    expect((await failure(core, session, 'evidence.remove', { id: added.id })).code).toBe('CONFLICT')
    expect(stored(dataDir)).toEqual([sha(Buffer.from('a'))])
  })
})

describe('files shared with project attachments', () => {
  it('removing a piece of evidence keeps the bytes a project attachment still uses', async () => {
    const test = setUp()
    const { core, session, dataDir } = test
    const campaignId = await campaignOf(test)
    const project = await ok(core, session, 'projects.create', { title: 'Budget 2027' })
    const attachment = await ok(core, session, 'attachments.add', { projectId: project.id, fileName: 'budget.pdf', contentBase64: b64(PDF) })
    const piece = await ok(core, session, 'evidence.add', {
      campaignId,
      criterionId: 'budget-vote-delai',
      fileName: 'budget.pdf',
      contentBase64: b64(PDF),
    })
    await ok(core, session, 'evidence.remove', { id: piece.id })
    expect(stored(dataDir)).toEqual([sha(PDF)])
    expect(Buffer.from((await ok(core, session, 'attachments.get', { id: attachment.id })).contentBase64, 'base64')).toEqual(PDF)
  })
})

describe('evidence.get', () => {
  it('returns the bytes; says so in French when the file has disappeared from the data folder', async () => {
    const test = setUp()
    const { core, session, dataDir } = test
    const campaignId = await campaignOf(test)
    const added = await ok(core, session, 'evidence.add', {
      campaignId,
      criterionId: 'risques-alerte',
      fileName: 'tableau.xlsx',
      contentBase64: b64(PDF),
    })
    // Typed from its bytes: a PDF named .xlsx is a PDF, and named so.
    expect(await ok(core, session, 'evidence.get', { id: added.id })).toEqual({
      fileName: 'tableau.pdf',
      mimeType: 'application/pdf',
      contentBase64: b64(PDF),
    })
    rmSync(join(dataDir, 'pieces-jointes', sha(PDF)))
    expect(await failure(core, session, 'evidence.get', { id: added.id })).toEqual({
      code: 'NOT_FOUND',
      message: 'Le fichier « tableau.pdf » est introuvable dans le dossier de données (pieces-jointes). Joignez-le à nouveau.',
    })
    expect((await failure(core, session, 'evidence.get', { id: 999 })).code).toBe('NOT_FOUND')
  })
})

describe('evidence.open', () => {
  it('opens a copy with the original name and the same bytes; unknown evidence is refused in French', async () => {
    const test = setUpWithViewer()
    const { core, session } = test
    const campaignId = await campaignOf(test)
    const added = await ok(core, session, 'evidence.add', {
      campaignId,
      criterionId: 'risques-alerte',
      fileName: 'Arrêté préfectoral.pdf',
      contentBase64: b64(PDF),
    })
    expect(await ok(core, session, 'evidence.open', { id: added.id })).toEqual({ opened: true })
    expect(opened).toHaveLength(1)
    expect(basename(opened[0]!)).toBe('Arrêté préfectoral.pdf')
    expect(readFileSync(opened[0]!)).toEqual(PDF)
    expect(await failure(core, session, 'evidence.open', { id: 999 })).toEqual({
      code: 'NOT_FOUND',
      message: "Cette pièce jointe n'existe plus : la liste a peut-être été modifiée entre-temps.",
    })
  })

  it('without a viewer (browser host), answers opened: false so the renderer downloads it', async () => {
    const test = setUp()
    const { core, session } = test
    const campaignId = await campaignOf(test)
    const added = await ok(core, session, 'evidence.add', {
      campaignId,
      criterionId: 'risques-alerte',
      fileName: 'dicrim.pdf',
      contentBase64: b64(PDF),
    })
    expect(await ok(core, session, 'evidence.open', { id: added.id })).toEqual({ opened: false })
  })
})

describe('file names and types', () => {
  it('keeps only the name itself, without folders, control or forbidden characters', () => {
    expect(displayFileName('C:\\Users\\mairie\\Documents\\PV séance.pdf')).toBe('PV séance.pdf')
    expect(displayFileName('../../etc/passwd')).toBe('passwd')
    expect(displayFileName('a<b>c:d"e|f?g*h\u0000\n.txt')).toBe('abcdefgh.txt')
    expect(displayFileName('  ..cache  ')).toBe('cache')
    expect(displayFileName('///')).toBe('piece-jointe')
    expect(displayFileName('x'.repeat(300)).length).toBe(200)
  })

  it('gives the MIME type from the extension', () => {
    expect(
      ['a.pdf', 'a.JPG', 'a.jpeg', 'a.png', 'a.docx', 'a.xlsx', 'a.odt', 'a.ods', 'a.txt', 'a.csv', 'a.exe', 'sans-extension'].map(mimeTypeOf),
    ).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/jpeg',
      'image/png',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.oasis.opendocument.spreadsheet',
      'text/plain',
      'text/csv',
      'application/octet-stream',
      'application/octet-stream',
    ])
  })
})
