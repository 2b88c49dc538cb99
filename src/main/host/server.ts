import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { MAX_REQUEST_BYTES } from '../../shared/contract/limits'
import { ARCHIVE_EXTENSION } from '../core/backup/archive'
import { EXPORTS_FOLDER } from '../core/backup/entries'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize, sep } from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AppErrorShape, Result } from '../../shared/errors'
import type { Core } from '../core/core'
import { contentTypeOf, RENDERER_SECURITY_HEADERS } from './renderer-files'

export const TOKEN_HEADER = 'x-cap-commune-token'
/** The largest call (a 20 MB document in base64): each method's own limit is then checked by the core. */
const MAX_BODY_BYTES = MAX_REQUEST_BYTES
/** An archive to import (`POST /api/upload`): the disk is the real limit; this only stops the absurd. */
const MAX_UPLOAD_BYTES = 64 * 1024 ** 3

export interface BrowserHostOptions {
  core: Core
  rendererDir: string
  port?: number
  /** A fixed token (tests); a random one per launch otherwise. */
  token?: string
}

export interface BrowserHost {
  port: number
  token: string
  /** The address to open, token included. */
  url: string
  close(): Promise<void>
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...RENDERER_SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

function failure(code: AppErrorShape['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

function tokenMatches(expected: Buffer, given: string | undefined | null): boolean {
  if (!given) return false
  const actual = Buffer.from(given)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    // Past the limit, keep reading without keeping: leaving the loop would reset the connection and the client
    // would never see the 413. Only a caller holding the token gets here.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer)
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')
}

/**
 * The same dispatcher as the Electron app, over HTTP on 127.0.0.1 only, with the built renderer.
 * API calls need the per-launch token; the Host header is checked against DNS rebinding.
 */
export function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { core } = options
  const token = options.token ?? randomBytes(24).toString('base64url')
  const expectedToken = Buffer.from(token)
  const session = core.newSession()
  const eventStreams = new Set<ServerResponse>()
  // Archives uploaded for import, removed when the host stops.
  const uploads = mkdtempSync(join(tmpdir(), 'cap-commune-televersements-'))
  let allowedHosts = new Set<string>()

  const unsubscribe = core.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const stream of eventStreams) stream.write(frame)
  })

  function serveStatic(pathname: string, res: ServerResponse): void {
    const root = normalize(options.rendererDir)
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      sendJson(res, 400, failure('INVALID_INPUT', 'Adresse invalide.'))
      return
    }
    let file = normalize(join(root, decoded))
    if (file !== root && !file.startsWith(root + sep)) {
      sendJson(res, 404, failure('NOT_FOUND', 'Page introuvable.'))
      return
    }
    // Routes of the single-page app all serve index.html.
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end("L'interface de Cap Commune n'est pas construite : lancez « npm run build ».")
      return
    }
    const isAsset = pathname.startsWith('/assets/')
    res.writeHead(200, {
      ...RENDERER_SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    createReadStream(file).pipe(res)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!req.headers.host || !allowedHosts.has(req.headers.host)) {
      sendJson(res, 421, failure('UNAUTHORIZED_CLIENT', 'Adresse non autorisée.'))
      return
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const origin = req.headers.origin
    if (url.pathname.startsWith('/api/')) {
      if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
        sendJson(res, 403, failure('UNAUTHORIZED_CLIENT', 'Origine non autorisée.'))
        return
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!tokenMatches(expectedToken, url.searchParams.get('token'))) {
          sendJson(
            res,
            401,
            failure('UNAUTHORIZED_CLIENT', 'Jeton de session manquant ou invalide : rouvrez Cap Commune depuis le lien affiché au démarrage.'),
          )
          return
        }
        res.writeHead(200, {
          ...RENDERER_SECURITY_HEADERS,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        })
        res.write(': connecté\n\n')
        eventStreams.add(res)
        req.on('close', () => eventStreams.delete(res))
        return
      }
      const unauthorized = () =>
        sendJson(
          res,
          401,
          failure('UNAUTHORIZED_CLIENT', 'Jeton de session manquant ou invalide : rouvrez Cap Commune depuis le lien affiché au démarrage.'),
        )
      if (url.pathname === '/api/upload' && req.method === 'POST') {
        if (!tokenMatches(expectedToken, req.headers[TOKEN_HEADER] as string | undefined)) return unauthorized()
        const declared = Number(req.headers['content-length'] ?? NaN)
        if (!Number.isFinite(declared) || declared > MAX_UPLOAD_BYTES) {
          sendJson(res, 413, failure('INVALID_INPUT', 'Le fichier est trop volumineux ou sa taille est inconnue.'))
          return
        }
        const fileName = basename(url.searchParams.get('name') ?? 'archive').slice(0, 200) || 'archive'
        const target = join(uploads, `${randomBytes(8).toString('hex')}${ARCHIVE_EXTENSION}`)
        try {
          await pipeline(req, createWriteStream(target, { flags: 'wx' }))
        } catch {
          rmSync(target, { force: true })
          sendJson(
            res,
            200,
            failure('CONFLICT', "Le fichier n'a pas pu être reçu en entier (place sur le disque ?). Rien n'a été modifié. Réessayez."),
          )
          return
        }
        sendJson(res, 200, { ok: true, value: core.registerIncomingFile(target, fileName) })
        return
      }
      const exportMatch = /^\/api\/exports\/([^/]+)$/.exec(url.pathname)
      if (exportMatch && req.method === 'GET') {
        if (!tokenMatches(expectedToken, url.searchParams.get('token'))) return unauthorized()
        let name: string
        try {
          name = decodeURIComponent(exportMatch[1]!)
        } catch {
          name = ''
        }
        const file = join(core.dataDir, EXPORTS_FOLDER, basename(name))
        if (basename(name) !== name || !name.endsWith(ARCHIVE_EXTENSION) || !existsSync(file)) {
          sendJson(res, 404, failure('NOT_FOUND', "Ce fichier d'export n'existe plus : refaites l'export."))
          return
        }
        res.writeHead(200, {
          ...RENDERER_SECURITY_HEADERS,
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(statSync(file).size),
          'Content-Disposition': `attachment; filename="commune${ARCHIVE_EXTENSION}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          'Cache-Control': 'no-store',
        })
        createReadStream(file).pipe(res)
        return
      }
      if (url.pathname === '/api/invoke' && req.method === 'POST') {
        if (!tokenMatches(expectedToken, req.headers[TOKEN_HEADER] as string | undefined)) {
          sendJson(
            res,
            401,
            failure('UNAUTHORIZED_CLIENT', 'Jeton de session manquant ou invalide : rouvrez Cap Commune depuis le lien affiché au démarrage.'),
          )
          return
        }
        const body = await readBody(req)
        if (body === null) {
          sendJson(res, 413, failure('INVALID_INPUT', 'La demande est trop volumineuse.'))
          return
        }
        let parsed: unknown
        try {
          parsed = JSON.parse(body)
        } catch {
          sendJson(res, 400, failure('INVALID_INPUT', 'La demande est illisible (JSON invalide).'))
          return
        }
        const { method, input } = (parsed ?? {}) as { method?: unknown; input?: unknown }
        sendJson(res, 200, await core.invoke(method, input, session))
        return
      }
      sendJson(res, 404, failure('UNKNOWN_METHOD', "Cette opération n'existe pas dans Cap Commune."))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, failure('UNKNOWN_METHOD', 'Méthode non autorisée.'))
      return
    }
    serveStatic(url.pathname, res)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Erreur du serveur local', error)
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', "Une erreur inattendue s'est produite."))
      else res.end()
    })
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe()
            rmSync(uploads, { recursive: true, force: true })
            for (const stream of eventStreams) stream.end()
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
