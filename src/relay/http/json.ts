import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { Context } from 'hono'

const gzipAsync = promisify(gzip)

/** Whether the client takes gzip (`Accept-Encoding: gzip`, `gzip;q=0.5`, `*`; not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  let wildcard = false
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    const q = params.find((p) => p.startsWith('q='))
    const accepted = q === undefined || Number(q.slice(2)) > 0
    if (name === 'gzip') return accepted
    if (name === '*') wildcard = accepted
  }
  return wildcard
}

/**
 * An answer already written as JSON text (the feed page the database wrote), sent as it is. Compressed here rather
 * than by the app's compress middleware, which skips an answer that already has its Content-Encoding: gzip at level
 * 1, in zlib's thread pool, is several times cheaper than the middleware's default level for a few hundred KB of
 * JSON, for an answer a few percent larger.
 */
export async function jsonText(c: Context, text: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' }
  if (text.length < 1024 || !acceptsGzip(c.req.header('accept-encoding'))) return c.body(text, 200, headers)
  const compressed = await gzipAsync(text, { level: 1 })
  return c.body(new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength), 200, { ...headers, 'Content-Encoding': 'gzip' })
}
