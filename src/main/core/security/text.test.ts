import { describe, expect, it } from 'vitest'
import { createProject, PROJECT_CORE_OPTIONS } from '../testing/projects'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { sanitizeInput } from './text'

const setUp = setUpCorePerTest('text', PROJECT_CORE_OPTIONS)

describe('text coming in', () => {
  it('keeps line breaks and tabs, refuses other control characters and lone surrogates, strips direction overrides', () => {
    expect(sanitizeInput({ a: 'ligne 1\nligne 2\r\n\tfin' })).toEqual({ ok: true, value: { a: 'ligne 1\nligne 2\r\n\tfin' } })
    expect(sanitizeInput({ list: ['ok', 'nul\u0000'] })).toMatchObject({ ok: false, issue: { path: 'list.1', message: /caractères de contrôle/ } })
    expect(sanitizeInput({ name: 'abc\ud800' })).toMatchObject({ ok: false, issue: { path: 'name', message: /encodage abîmé/ } })
    expect(sanitizeInput({ name: 'émoji 🏛️ correct' })).toEqual({ ok: true, value: { name: 'émoji 🏛️ correct' } })
    expect(sanitizeInput({ file: 'facture\u202efdp.exe', x: '\u2066isolé\u2069' })).toEqual({
      ok: true,
      value: { file: 'facturefdp.exe', x: 'isolé' },
    })
  })

  it('applies to every method: a NUL in a title is refused in French, an override in a file name is removed', async () => {
    const test = setUp()
    const { core, session } = test
    const refused = await failure(core, session, 'projects.create', { title: 'Cantine\u0000 scolaire' })
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'title' }] })
    const bad = await failure(core, session, 'members.create', { firstName: 'Ann\udc00e', lastName: 'Lemoine', role: 'autre_agent' })
    expect(bad.issues?.[0]?.path).toBe('firstName')
    const project = await createProject(test)
    const added = await ok(core, session, 'attachments.add', {
      projectId: project.id,
      fileName: 'facture\u202efdp.exe',
      contentBase64: Buffer.from('%PDF-1.4\n').toString('base64'),
    })
    expect(added.fileName).not.toMatch(/[\u202a-\u202e]/)
  })
})
