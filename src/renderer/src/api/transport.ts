import type { CapCommuneBridge } from '@shared/bridge'
import type { EventName, EventPayload, MethodName } from '@shared/contract'
import type { Result } from '@shared/errors'

declare global {
  interface Window {
    /** Present in the Electron app only (the preload bridge). */
    capCommune?: CapCommuneBridge
  }
}

export interface Transport {
  kind: 'electron' | 'browser'
  invoke(method: MethodName, input: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void
}

const TOKEN_KEY = 'cap-commune.token'
const UNREACHABLE: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: "Cap Commune ne répond plus. Vérifiez que l'application est toujours lancée, puis réessayez.",
  },
}

/**
 * The token comes in the address printed at launch; it is removed from the address bar and kept for this origin, so
 * a reload or a link opened in another tab (/projets/3) still reaches the host. The port changes at every launch,
 * and the origin with it: a token never outlives its launch.
 */
function takeBrowserToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return localStorage.getItem(TOKEN_KEY) ?? ''
}

function httpTransport(): Transport {
  const token = takeBrowserToken()
  let events: EventSource | null = null
  return {
    kind: 'browser',
    async invoke(method, input) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Cap-Commune-Token': token },
          body: JSON.stringify({ method, input }),
        })
        return (await response.json()) as Result<unknown>
      } catch {
        return UNREACHABLE
      }
    },
    on(event, callback) {
      events ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
      const listener = (message: MessageEvent<string>) => callback(JSON.parse(message.data))
      events.addEventListener(event, listener)
      return () => events?.removeEventListener(event, listener)
    },
  }
}

/** The preload bridge in Electron, HTTP to the local host in a browser: same calls, same envelopes. */
export function createTransport(): Transport {
  const bridge = window.capCommune
  if (bridge) return { kind: 'electron', invoke: bridge.invoke, on: bridge.on }
  return httpTransport()
}

/** The browser host's launch token (for the few plain HTTP requests: uploads, downloads). */
export function browserToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? ''
}

/** Sends a file to the browser host (an archive to import); the id it returns is what `archive.prepare` takes. */
export async function uploadFile(file: File): Promise<Result<{ fileId: string; fileName: string }>> {
  try {
    const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Cap-Commune-Token': browserToken() },
      body: file,
    })
    return (await response.json()) as Result<{ fileId: string; fileName: string }>
  } catch {
    return UNREACHABLE
  }
}

/** The address of a file the browser host offers for download (an export), token included. */
export function downloadUrl(path: string): string {
  return `${path}?token=${encodeURIComponent(browserToken())}`
}
