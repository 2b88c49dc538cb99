import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { TempDirs, createSetUpTemplate, createTestCore, dataDirFrom, type TestCore } from '../core/testing'
import { MAX_REQUEST_BYTES } from '../../shared/contract/limits'
import { startBrowserHost, TOKEN_HEADER, type BrowserHost } from './server'

const TOKEN = 'jeton-de-test-0123456789abcdef'
const INDEX_HTML = '<!doctype html><html><head><title>Cap Commune (test)</title></head><body><div id="root"></div></body></html>'
const SECRET = 'SECRET-HORS-DU-DOSSIER-DE-L-INTERFACE'

const templates = new TempDirs('cap-commune-host-template-')
const temp = new TempDirs('cap-commune-host-')
let template: string
let test: TestCore
let host: BrowserHost

beforeAll(async () => {
  template = await createSetUpTemplate(templates.make())
})
afterAll(() => templates.cleanup())

beforeEach(async () => {
  const root = temp.make()
  // The renderer folder, with secrets next to it that must never be served.
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log("Cap Commune")')
  writeFileSync(join(root, 'package.json'), JSON.stringify({ secret: SECRET }))
  writeFileSync(join(root, 'secret.txt'), SECRET)
  test = createTestCore(dataDirFrom(template, join(root, 'data')))
  host = await startBrowserHost({ core: test.core, rendererDir, port: 0, token: TOKEN })
})

afterEach(async () => {
  await host.close()
  test.core.close()
  temp.cleanup()
})

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A raw HTTP request: the path is sent exactly as given (no normalisation), headers included. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let replied = false
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        replied = true
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    // The server may answer (413) and close before it has read everything we send.
    req.on('error', (error) => {
      if (!replied) reject(error)
    })
    req.end(options.body)
  })
}

function invoke(payload: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN }): Promise<Reply> {
  return send({
    method: 'POST',
    path: '/api/invoke',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })
}

function json(reply: Reply): { ok: boolean; value?: unknown; error?: { code: string; message: string } } {
  expect(reply.headers['content-type']).toMatch(/^application\/json/)
  return JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

describe('/api/invoke', () => {
  it('answers a good call with the envelope of the contract', async () => {
    const reply = await invoke({ method: 'app.status', input: {} })
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(json(reply)).toEqual({
      ok: true,
      value: expect.objectContaining({ setupDone: true, version: '0.0.0-test', activeProfileId: expect.any(Number) }),
    })
    // The browser's session is the last profile used: the team is readable.
    const members = json(await invoke({ method: 'members.list' }))
    expect(members.ok).toBe(true)
    expect(members.value).toHaveLength(6)
  })

  it('returns the errors of the contract in the same envelope', async () => {
    expect(json(await invoke({ method: 'toString', input: {} }))).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: "Cette opération n'existe pas dans Cap Commune." },
    })
    const invalid = json(await invoke({ method: 'members.create', input: { firstName: '', lastName: 'X', role: 'maire' } }))
    expect(invalid.error).toMatchObject({ code: 'INVALID_INPUT', message: 'Le prénom est obligatoire.' })
  })

  it.each([
    ['no token', {}],
    ['a wrong token', { [TOKEN_HEADER]: 'jeton-de-test-0123456789abcdeX' }],
    ['a token of another length', { [TOKEN_HEADER]: 'court' }],
    ['the token in another header', { authorization: `Bearer ${TOKEN}` }],
  ])('with %s → 401 and the French envelope, nothing done', async (_label, headers) => {
    const reply = await invoke({ method: 'members.create', input: { firstName: 'Intrus', lastName: 'Intrus', role: 'autre_agent' } }, headers)
    expect(reply.status).toBe(401)
    expect(json(reply)).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED_CLIENT', message: expect.stringMatching(/^Jeton de session manquant ou invalide/) },
    })
    expect(test.core.database.sqlite.prepare("SELECT count(*) FROM members WHERE last_name = 'Intrus'").pluck().get()).toBe(0)
  })

  it('does not take the token from the query string', async () => {
    const reply = await send({
      method: 'POST',
      path: `/api/invoke?token=${TOKEN}`,
      headers: { 'content-type': 'application/json' },
      body: '{"method":"app.status"}',
    })
    expect(reply.status).toBe(401)
  })

  it('rejects invalid JSON with 400 INVALID_INPUT', async () => {
    for (const body of ['{"method": "app.status"', 'pas du json', '']) {
      const reply = await invoke(body)
      expect(reply.status, body).toBe(400)
      expect(json(reply).error).toEqual({ code: 'INVALID_INPUT', message: 'La demande est illisible (JSON invalide).' })
    }
  })

  it('JSON that is not a call gets the UNKNOWN_METHOD envelope', async () => {
    for (const body of ['null', '42', '"app.status"', '[]', '{}']) {
      const reply = await invoke(body)
      expect(reply.status, body).toBe(200)
      expect(json(reply).error?.code, body).toBe('UNKNOWN_METHOD')
    }
  })

  it('rejects a body over the largest call (a 20 MB document) with 413, before reading it', async () => {
    const input = { firstName: 'A', lastName: 'B', role: 'autre_agent', interests: 'x'.repeat(MAX_REQUEST_BYTES + 1) }
    const reply = await invoke({ method: 'members.create', input })
    expect(reply.status).toBe(413)
    expect(json(reply).error).toEqual({ code: 'INVALID_INPUT', message: 'La demande est trop volumineuse.' })
    expect(test.core.database.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(6)
    // The server is still there for the next call.
    expect((await invoke({ method: 'app.status' })).status).toBe(200)
  })

  it('unknown API paths and methods → 404', async () => {
    const get = await send({ path: '/api/invoke', headers: { [TOKEN_HEADER]: TOKEN } })
    expect(get.status).toBe(404)
    expect(json(get).error?.code).toBe('UNKNOWN_METHOD')
    expect((await send({ method: 'POST', path: '/api/other', headers: { [TOKEN_HEADER]: TOKEN }, body: '{}' })).status).toBe(404)
  })
})

describe('who may talk to the host', () => {
  it.each(['evil.example', `evil.example:${0}`, 'localhost.evil.example', '127.0.0.1', '127.0.0.2:PORT', '[::1]:PORT', 'localhost:1'])(
    'a Host header of %s is rejected (DNS rebinding), for the API and for the pages',
    async (hostHeader) => {
      const headerValue = hostHeader.replace('PORT', String(host.port))
      const api = await invoke({ method: 'app.status' }, { [TOKEN_HEADER]: TOKEN, host: headerValue })
      expect(api.status).toBe(421)
      expect(json(api).error?.code).toBe('UNAUTHORIZED_CLIENT')
      const page = await send({ path: '/', headers: { host: headerValue } })
      expect(page.status).toBe(421)
      expect(page.body).not.toContain('Cap Commune (test)')
    },
  )

  it('accepts both 127.0.0.1 and localhost on its own port', async () => {
    for (const hostHeader of [`127.0.0.1:${host.port}`, `localhost:${host.port}`]) {
      expect((await invoke({ method: 'app.status' }, { [TOKEN_HEADER]: TOKEN, host: hostHeader })).status).toBe(200)
    }
  })

  it.each(['http://evil.example', `https://127.0.0.1:PORT`, 'null', `http://127.0.0.1:PORT.evil.example`, 'http://localhost'])(
    'a foreign Origin (%s) is rejected even with the token',
    async (origin) => {
      const reply = await invoke({ method: 'app.status' }, { [TOKEN_HEADER]: TOKEN, origin: origin.replace('PORT', String(host.port)) })
      expect(reply.status).toBe(403)
      expect(json(reply).error).toEqual({ code: 'UNAUTHORIZED_CLIENT', message: 'Origine non autorisée.' })
    },
  )

  it('accepts its own origin', async () => {
    const reply = await invoke({ method: 'app.status' }, { [TOKEN_HEADER]: TOKEN, origin: `http://127.0.0.1:${host.port}` })
    expect(reply.status).toBe(200)
  })

  it('gives the address to open, token included', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`)
    expect(host.token).toBe(TOKEN)
  })
})

describe('static files', () => {
  it('serves the interface with the Content-Security-Policy and the security headers', async () => {
    const page = await send({ path: '/' })
    expect(page.status).toBe(200)
    expect(page.body).toBe(INDEX_HTML)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['x-frame-options']).toBe('DENY')

    const script = await send({ path: '/assets/app-1234.js' })
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(script.headers['cache-control']).toContain('immutable')
  })

  it('answers unknown paths with index.html (routes of the single-page app)', async () => {
    for (const path of ['/membres', '/membres/12/modifier', '/assets/', '/nexiste-pas.js?x=1']) {
      const page = await send({ path })
      expect(page.status, path).toBe(200)
      expect(page.body, path).toBe(INDEX_HTML)
      expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    }
  })

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5c%2e%2e%5csecret.txt',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '//etc/passwd',
    `/${'..%2f'.repeat(12)}work%2fmain%2fpackage.json`,
    '/secret.txt%00.html',
    '/%252e%252e/secret.txt',
  ])('%s never serves a file outside the interface folder', async (path) => {
    const reply = await send({ path })
    expect(reply.body).not.toContain(SECRET)
    expect(reply.body).not.toContain('root:')
    expect(reply.body).not.toContain('"name": "cap-commune"')
    if (reply.status === 200) expect(reply.body).toBe(INDEX_HTML)
    else expect(reply.status).toBe(404)
  })

  it('a malformed address is refused without an internal error', async () => {
    const reply = await send({ path: '/%E0%A4%A' })
    expect(reply.status).toBeGreaterThanOrEqual(400)
    expect(reply.status).toBeLessThan(500)
    expect(reply.body).not.toContain(SECRET)
    expect((await send({ path: '/' })).status).toBe(200)
  })

  it('refuses other HTTP methods on pages', async () => {
    expect((await send({ method: 'POST', path: '/', body: 'x' })).status).toBe(405)
    expect((await send({ method: 'DELETE', path: '/index.html' })).status).toBe(405)
  })
})

describe('/api/events', () => {
  function openEvents(path: string): Promise<{ status: number; next: (pattern: RegExp) => Promise<string>; close: () => void }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path }, (res) => {
        let received = ''
        const waiters: { pattern: RegExp; done: (text: string) => void }[] = []
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          received += chunk
          for (const waiter of waiters.splice(0)) {
            if (waiter.pattern.test(received)) waiter.done(received)
            else waiters.push(waiter)
          }
        })
        resolve({
          status: res.statusCode ?? 0,
          next: (pattern) => new Promise((done) => (pattern.test(received) ? done(received) : waiters.push({ pattern, done }))),
          close: () => req.destroy(),
        })
      })
      req.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
      })
      req.end()
    })
  }

  it('pushes data.changed to the browser after a write', async () => {
    const stream = await openEvents(`/api/events?token=${TOKEN}`)
    try {
      expect(stream.status).toBe(200)
      await stream.next(/: connecté/)
      const created = json(
        await invoke({ method: 'members.create', input: { firstName: 'Anne', lastName: 'Lemoine', role: 'conseiller_municipal' } }),
      )
      expect(created.ok).toBe(true)
      const text = await stream.next(/event: data\.changed\ndata: .*\n\n/)
      expect(text).toContain('event: data.changed\ndata: {"domains":["members"]}\n\n')
    } finally {
      stream.close()
    }
  })

  it('refuses a stream without the token', async () => {
    const reply = await send({ path: '/api/events' })
    expect(reply.status).toBe(401)
    expect(json(reply).error?.code).toBe('UNAUTHORIZED_CLIENT')
    expect((await send({ path: '/api/events?token=mauvais' })).status).toBe(401)
  })
})
