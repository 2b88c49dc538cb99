/**
 * The size rule of each method (shared/contract/limits.ts), at the limit and just above it, through every transport:
 * the core's entry point, the Electron IPC handler and the browser host's HTTP API.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_INPUT_BYTES, MAX_DOCUMENT_BYTES, MAX_LOGO_BYTES } from '../../shared/contract/limits'
import type { Result } from '../../shared/errors'
import { createProject, PROJECT_CORE_OPTIONS } from '../core/testing/projects'
import { TempDirs, createSetUpTemplate, createTestCore, dataDirFrom, type TestCore } from '../core/testing'
import { createInvokeHandler } from '../electron/ipc'
import { startBrowserHost, TOKEN_HEADER, type BrowserHost } from './server'

const TOKEN = 'jeton-de-test-limites-0123456789'
const templates = new TempDirs('cap-commune-limits-template-')
const temp = new TempDirs('cap-commune-limits-')
let template: string
let test: TestCore
let host: BrowserHost
let projectId: number

beforeAll(async () => {
  template = await createSetUpTemplate(templates.make())
})
afterAll(() => templates.cleanup())
beforeEach(async () => {
  const root = temp.make()
  mkdirSync(join(root, 'renderer'))
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html>')
  test = createTestCore(dataDirFrom(template, join(root, 'data')), PROJECT_CORE_OPTIONS)
  host = await startBrowserHost({ core: test.core, rendererDir: join(root, 'renderer'), port: 0, token: TOKEN })
  projectId = (await createProject(test)).id
})
afterEach(async () => {
  await host.close()
  test.core.close()
  temp.cleanup()
})

type Transport = (method: string, input: unknown) => Promise<Result<unknown>>
const transports: Record<string, () => Transport> = {
  'core.invoke': () => (method, input) => test.core.invoke(method, input, test.session),
  'IPC (Electron)': () => {
    const handle = createInvokeHandler({ core: test.core, session: test.session, log: () => undefined })
    return (method, input) => handle('app://cap-commune/index.html', method, input)
  },
  'HTTP (navigateur)': () => async (method, input) => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify({ method, input }),
    })
    return (await response.json()) as Result<unknown>
  },
}

/** A file of exactly `size` bytes that starts like a PDF (so that it is typed as one). */
function pdfOf(size: number): string {
  const bytes = Buffer.alloc(size, 0x20)
  Buffer.from('%PDF-1.4\n').copy(bytes)
  return bytes.toString('base64')
}

describe.each(Object.keys(transports))('size limits through %s', (name) => {
  it('accepts a 20 MB document and refuses one byte more, in French', async () => {
    const send = transports[name]!()
    const atLimit = await send('attachments.add', { projectId, fileName: 'plan.pdf', contentBase64: pdfOf(MAX_DOCUMENT_BYTES) })
    expect(atLimit.ok).toBe(true)
    const above = await send('attachments.add', { projectId, fileName: 'plan.pdf', contentBase64: pdfOf(MAX_DOCUMENT_BYTES + 1) })
    expect(above).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Le fichier dépasse 20 Mo : joignez un fichier plus léger.' } })
  }, 60_000)

  it('refuses a logo one byte over 5 MB with its own message', async () => {
    const send = transports[name]!()
    const above = await send('logo.set', { fileName: 'blason.png', contentBase64: Buffer.alloc(MAX_LOGO_BYTES + 1).toString('base64') })
    expect(above).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: "L'image dépasse 5 Mo : choisissez une image plus légère." } })
  })

  it('holds a call without a file to its own, smaller limit', async () => {
    const send = transports[name]!()
    const member = (interests: string) => ({ firstName: 'Anne', lastName: 'Lemoine', role: 'autre_agent', interests })
    const overhead = JSON.stringify(member('')).length
    const refused = await send('members.create', member('x'.repeat(DEFAULT_INPUT_BYTES - overhead + 1)))
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'La demande est trop volumineuse : raccourcissez le texte saisi.' },
    })
    // Just under it, the call reaches the contract's own field rules (a far shorter maximum for this field).
    const under = await send('members.create', member('x'.repeat(DEFAULT_INPUT_BYTES - overhead)))
    expect(under).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((under as { error: { message: string } }).error.message).not.toMatch(/trop volumineuse/)
  })
})
