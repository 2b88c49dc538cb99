import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, registerAppProtocol, resolveRendererFile } from './protocol'

let base: string
let rendererDir: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'cap-commune-protocol-'))
  rendererDir = join(base, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Cap Commune</title>')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("ok")')
  // A file beside the renderer folder, sharing its name as a prefix: must stay out of reach too.
  mkdirSync(join(base, 'renderer-secret'))
  writeFileSync(join(base, 'renderer-secret', 'data.txt'), 'secret')
  writeFileSync(join(base, 'secret.txt'), 'secret')
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app:// as a standard, secure scheme that supports fetch', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true })
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy()
  })
})

describe('resolveRendererFile', () => {
  it('serves files of the renderer folder', async () => {
    expect(await resolveRendererFile(rendererDir, 'app://cap-commune/assets/index-abc.js')).toEqual({
      kind: 'file',
      path: join(rendererDir, 'assets', 'index-abc.js'),
    })
  })

  it('answers routes of the single-page app with index.html', async () => {
    const index = { kind: 'file', path: join(rendererDir, 'index.html') }
    expect(await resolveRendererFile(rendererDir, 'app://cap-commune/')).toEqual(index)
    expect(await resolveRendererFile(rendererDir, 'app://cap-commune/membres/12')).toEqual(index)
    expect(await resolveRendererFile(rendererDir, 'app://cap-commune/assets')).toEqual(index)
  })

  it('gives a 404 for a missing static file rather than the page', async () => {
    expect(await resolveRendererFile(rendererDir, 'app://cap-commune/assets/missing.js')).toEqual({ kind: 'missing' })
  })

  it('never reaches outside the renderer folder', async () => {
    // Encoded separators survive URL parsing and are decoded here: they must be caught.
    for (const url of [
      'app://cap-commune/..%2fsecret.txt',
      'app://cap-commune/assets/..%2f..%2fsecret.txt',
      'app://cap-commune/..%2frenderer-secret/data.txt',
      'app://cap-commune/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      expect(await resolveRendererFile(rendererDir, url), url).toEqual({ kind: 'forbidden' })
    }
    // Plain dot segments are resolved by URL parsing itself, within the app: the file is looked up inside the folder.
    expect(await resolveRendererFile(rendererDir, 'app://cap-commune/../secret.txt')).toEqual({ kind: 'missing' })
    expect(await resolveRendererFile(rendererDir, 'app://cap-commune/%2e%2e/secret.txt')).toEqual({ kind: 'missing' })
    // A backslash is a separator on Windows only; either way nothing outside is served.
    expect((await resolveRendererFile(rendererDir, 'app://cap-commune/..%5c..%5csecret.txt')).kind).not.toBe('file')
  })

  it('refuses other hosts, other schemes, malformed escapes and NUL bytes', async () => {
    for (const url of ['app://other-host/index.html', 'file:///etc/passwd', 'app://cap-commune/%E0%A4%A', 'app://cap-commune/index.html%00.png']) {
      expect(await resolveRendererFile(rendererDir, url), url).toEqual({ kind: 'forbidden' })
    }
  })
})

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(rendererDir)

  it('sends files with their type and the Content-Security-Policy', async () => {
    const response = await handler()(new Request('app://cap-commune/assets/index-abc.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await response.text()).toBe('console.log("ok")')
  })

  it('sends index.html for app routes, with the CSP', async () => {
    const response = await handler()(new Request('app://cap-commune/parametres'))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toContain('<title>Cap Commune</title>')
  })

  it('answers 403 outside the folder, 404 for missing files, 405 for writes', async () => {
    expect((await handler()(new Request('app://cap-commune/..%2fsecret.txt'))).status).toBe(403)
    expect((await handler()(new Request('app://cap-commune/assets/nope.css'))).status).toBe(404)
    expect((await handler()(new Request('app://cap-commune/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
  })

  it('says so in French when the interface is not built', async () => {
    const response = await createAppProtocolHandler(join(base, 'nowhere'))(new Request('app://cap-commune/'))
    expect(response.status).toBe(500)
    expect(await response.text()).toMatch(/réinstallez/)
  })

  it('is registered on the app scheme', () => {
    const protocol = { handle: vi.fn() }
    registerAppProtocol(protocol, rendererDir)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})
