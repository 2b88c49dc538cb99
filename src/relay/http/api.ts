/**
 * Registers the endpoints of the API table (src/shared/relay/api.ts) on the Hono app: path, method, body limit,
 * bearer authentication, zod validation of body and query, and validation of the answer against its schema, so the
 * relay can only send what the contract says (never an e-mail address, never an unknown field). One exception, for its
 * cost: the feed page, written field by field by the database (inputs/queries.ts pullPage) and sent as that text,
 * hundreds of items a page; inputs/feed.test.ts checks it against the schema at every cursor and page size.
 */
import type { Context, Hono } from 'hono'
import { sql } from 'drizzle-orm'
import type { z } from 'zod'
import { relayApi, type RelayEndpointName } from '../../shared/relay/api'
import type { RelayContext } from '../context'
import { queryRows, type RelayDb } from '../db/open'
import { countingStatement, LIMITS } from '../security/rate-limit'
import { hashSecret } from '../security/secrets'
import { invalid, RelayHttpError } from './errors'
import { clientIp } from './request'

type Endpoints = typeof relayApi
type BodyOf<E> = E extends { body: infer B extends z.ZodType } ? z.output<B> : undefined
type QueryOf<E> = E extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined
type ResultOf<E> = E extends { response: infer R extends z.ZodType } ? z.input<R> : Response

export interface ApiCall<N extends RelayEndpointName> {
  /** The INSEE code of the paired commune (authenticated endpoints). */
  commune: string
  params: Record<string, string>
  body: BodyOf<Endpoints[N]>
  query: QueryOf<Endpoints[N]>
  ip: string
  hono: Context
}

/** JSON bodies of the API are small; photos never come through it. */
export const API_BODY_LIMIT = 256 * 1024

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(type))
    throw new RelayHttpError(415, 'type_invalide', 'Le corps de la requête doit être du JSON (Content-Type: application/json).')
  const text = await c.req.text()
  if (Buffer.byteLength(text) > API_BODY_LIMIT) throw new RelayHttpError(413, 'trop_volumineux', 'La requête est trop volumineuse.')
  try {
    return JSON.parse(text)
  } catch {
    throw new RelayHttpError(400, 'json_invalide', 'Le corps de la requête n’est pas du JSON valide.')
  }
}

/**
 * The commune of a desktop token, or a 401; then the token's rate limit, or a 429. One statement for both (the token's
 * hash looked up, and the hit counted only for a valid token): a desktop pulling its feed makes one round trip here,
 * not two.
 */
async function authenticate(relay: RelayContext, c: Context): Promise<string> {
  const header = c.req.header('authorization') ?? ''
  const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header)?.[1]
  if (!token)
    throw new RelayHttpError(401, 'non_authentifie', 'Jeton manquant : appairez l’application avec le code donné par l’administrateur du relais.')
  return communeOfToken(relay.database.db, token, relay.config.rateLimitFactor)
}

export async function communeOfToken(db: RelayDb, token: string, rateLimitFactor: number): Promise<string> {
  const counting = countingStatement([{ limit: LIMITS.apiPerToken, subject: token }], sql`EXISTS (SELECT 1 FROM token)`)
  const [row] = await queryRows<{ code: string | null; key: string | null; count: number | null }>(
    db,
    sql`WITH token AS (
        SELECT c.code FROM desktop_tokens t JOIN communes c ON c.code = t.commune_code
        WHERE t.token_hash = ${hashSecret(token)} AND t.revoked_at IS NULL AND c.disabled_at IS NULL LIMIT 1
      ), ${counting.ctes}
      SELECT (SELECT code FROM token) AS code, key, count FROM (SELECT 1) one LEFT JOIN counted ON TRUE`,
  )
  const code = row?.code
  if (!code) throw new RelayHttpError(401, 'jeton_invalide', 'Ce jeton n’est plus valable : appairez de nouveau l’application avec un nouveau code.')
  if (!counting.under([{ key: row.key!, count: row.count! }], rateLimitFactor)[0])
    throw new RelayHttpError(429, 'trop_de_requetes', 'Trop de requêtes : réessayez dans une minute.')
  return code
}

export function endpoint<N extends RelayEndpointName>(
  app: Hono,
  relay: RelayContext,
  name: N,
  /** A Response is sent as it is: photos, and the feed page the database wrote (its shape tested against the schema). */
  handler: (call: ApiCall<N>) => Promise<ResultOf<Endpoints[N]> | Response>,
): void {
  const spec = relayApi[name] as Endpoints[RelayEndpointName]
  const path = spec.path.replace(/\{(\w+)\}/g, ':$1')
  app.on(spec.method.toUpperCase(), path, async (c) => {
    const commune = spec.auth ? await authenticate(relay, c) : ''
    let body: unknown = undefined
    if ('body' in spec) {
      const parsed = spec.body.safeParse(await readJson(c))
      if (!parsed.success) throw invalid(parsed.error)
      body = parsed.data
    }
    let query: unknown = undefined
    if ('query' in spec) {
      const parsed = spec.query.safeParse(c.req.query())
      if (!parsed.success) throw invalid(parsed.error)
      query = parsed.data
    }
    const result = await handler({
      commune,
      params: c.req.param() as Record<string, string>,
      body,
      query,
      ip: clientIp(c, relay),
      hono: c,
    } as ApiCall<N>)
    if (result instanceof Response) return result
    const response = spec.response as z.ZodType
    return c.json(response.parse(result) as object)
  })
}
