import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { CustomScheme, Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './app-url'
import { contentTypeOf, RENDERER_SECURITY_HEADERS } from '../host/renderer-files'

/**
 * `standard` gives the scheme real origins and relative URLs, `secure` makes it a secure context (like https),
 * `supportFetchAPI` lets the page fetch its own files. Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

export type RendererFileResolution =
  | { kind: 'file'; path: string }
  /** The request asks for something outside the renderer folder, or is malformed. */
  | { kind: 'forbidden' }
  /** A missing static file (it has an extension): a 404 rather than the page, so a broken asset shows as such. */
  | { kind: 'missing' }

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/**
 * Maps `app://cap-commune/some/path` to a file of the built renderer. Nothing outside `rendererDir` is ever
 * reachable (`..`, encoded separators, other hosts); routes of the single-page app (no extension) get index.html.
 */
export async function resolveRendererFile(rendererDir: string, requestUrl: string): Promise<RendererFileResolution> {
  let url: URL
  let pathname: string
  try {
    url = new URL(requestUrl)
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { kind: 'forbidden' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || pathname.includes('\0')) return { kind: 'forbidden' }

  const root = normalize(rendererDir)
  const candidate = normalize(join(root, pathname))
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) return { kind: 'forbidden' }

  if (await isFile(candidate)) return { kind: 'file', path: candidate }
  if (extname(pathname) !== '') return { kind: 'missing' }
  return { kind: 'file', path: join(root, 'index.html') }
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...RENDERER_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** The protocol.handle callback: the renderer's files, with the app's Content-Security-Policy on every response. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Méthode non autorisée.')
    const resolution = await resolveRendererFile(rendererDir, request.url)
    if (resolution.kind === 'forbidden') return textResponse(403, 'Accès refusé.')
    if (resolution.kind === 'missing') return textResponse(404, 'Fichier introuvable.')
    let body: Uint8Array<ArrayBuffer>
    try {
      body = new Uint8Array(await readFile(resolution.path))
    } catch {
      return textResponse(500, "L'interface de Cap Commune est introuvable : réinstallez l'application.")
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        ...RENDERER_SECURITY_HEADERS,
        'Content-Type': contentTypeOf(resolution.path),
        'Cache-Control': 'no-cache',
      },
    })
  }
}

/** Serves out/renderer on `app://cap-commune/`. Call once the app is ready. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
}
