import { createHash } from 'node:crypto'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_EVIDENCE_BYTES } from '../../../shared/contract'
import { count, createProject, NOW, PROJECT_CORE_OPTIONS, projectAudit } from '../projects/test-helpers'
import { failure, ok, type TestCore } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { signInAsElu } from '../testing/referentiel'

const setUp = setUpCorePerTest('attachments', PROJECT_CORE_OPTIONS)

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
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 1)
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
