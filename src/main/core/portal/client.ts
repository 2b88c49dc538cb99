/**
 * The desktop's side of the relay's HTTP API: only `fetch` and the zod contract of src/shared/relay — the same schemas
 * the relay validates with. Every request body is built through its schema, every answer is checked against its
 * schema: an answer that does not conform is refused (and logged), never handed on.
 */
import type { z } from 'zod'
import { errorSchema, healthSchema, RELAY_API_VERSION, relayApi, type RelayEndpointName } from '../../../shared/relay'

type Endpoint<N extends RelayEndpointName> = (typeof relayApi)[N]
export type RelayBody<N extends RelayEndpointName> = Endpoint<N> extends { body: z.ZodType } ? z.input<Endpoint<N>['body']> : never
export type RelayQuery<N extends RelayEndpointName> = Endpoint<N> extends { query: z.ZodType } ? z.input<Endpoint<N>['query']> : never
export type RelayAnswer<N extends RelayEndpointName> = Endpoint<N>['response'] extends z.ZodType ? z.output<Endpoint<N>['response']> : Uint8Array

export type RelayFailureKind = 'unreachable' | 'refused' | 'invalid-answer' | 'incompatible' | 'not-a-relay'

/** Why a call to the relay failed, in French, with what the app needs to decide (retry or not). */
export class RelayCallError extends Error {
  constructor(
    readonly kind: RelayFailureKind,
    message: string,
    readonly status: number | null = null,
    /** The relay's own error code (`code_utilise`, `jeton_invalide`…) when it refused. */
    readonly relayCode: string | null = null,
  ) {
    super(message)
    this.name = 'RelayCallError'
  }
  /** Worth trying again later: the relay was down, overloaded or answered nonsense (a proxy's error page). */
  get retryable(): boolean {
    return this.kind === 'unreachable' || this.kind === 'invalid-answer' || (this.status !== null && (this.status >= 500 || this.status === 429))
  }
}

export interface RelayClientOptions {
  baseUrl: string
  token?: string | null
  fetch?: typeof fetch
  timeoutMs?: number
  log?: (message: string, error?: unknown) => void
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** The relay's address as typed → its normalized base (no trailing slash), or a French reason. */
export function normalizeRelayUrl(typed: string): { url: string } | { problem: string } {
  let parsed: URL
  try {
    parsed = new URL(/^[a-z]+:\/\//i.test(typed.trim()) ? typed.trim() : `https://${typed.trim()}`)
  } catch {
    return { problem: 'Cette adresse de relais n’est pas valable. Exemple : https://relais.example.fr' }
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname))) {
    return { problem: 'L’adresse du relais doit commencer par https:// (le jeton de la commune ne circule que chiffré).' }
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    return { problem: 'L’adresse du relais ne doit contenir ni identifiant, ni paramètre : seulement https://nom-du-relais.' }
  }
  return { url: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` }
}

export function relayAddressForDisplay(url: string): string {
  return url.replace(/^https?:\/\//, '')
}

export class RelayClient {
  private readonly fetch: typeof fetch
  private readonly timeoutMs: number
  private readonly log: (message: string, error?: unknown) => void

  constructor(private readonly options: RelayClientOptions) {
    this.fetch = options.fetch ?? fetch
    this.timeoutMs = options.timeoutMs ?? 20_000
    this.log = options.log ?? (() => {})
  }

  /** Checks the address answers as a Cap Commune relay of our API version. */
  async health(): Promise<z.output<typeof healthSchema>> {
    const response = await this.send('GET', '/api/v1/health', undefined, false)
    const json = await this.readJson(response, 'health')
    if (!response.ok) {
      if (response.status === 404) throw this.notARelay()
      throw this.refusal(response.status, json)
    }
    const version = (json as { apiVersion?: unknown } | null)?.apiVersion
    if (typeof version === 'number' && version !== RELAY_API_VERSION) {
      throw new RelayCallError(
        'incompatible',
        version > RELAY_API_VERSION
          ? `Ce relais utilise une version plus récente de l’échange avec l’application (version ${version}, l’application connaît la version ${RELAY_API_VERSION}) : mettez Cap Commune à jour.`
          : `Ce relais utilise une version ancienne de l’échange avec l’application (version ${version}, l’application attend la version ${RELAY_API_VERSION}) : demandez à son administrateur de le mettre à jour.`,
        response.status,
      )
    }
    const parsed = healthSchema.safeParse(json)
    if (!parsed.success) throw this.notARelay()
    return parsed.data
  }

  /** One endpoint of the contract: the body through its schema, the answer checked against its schema. */
  async call<N extends RelayEndpointName>(
    name: N,
    request: { params?: Record<string, string | number>; body?: RelayBody<N>; query?: RelayQuery<N> } = {},
  ): Promise<RelayAnswer<N>> {
    const endpoint = relayApi[name] as (typeof relayApi)[RelayEndpointName]
    let path = endpoint.path.replace(/\{(\w+)\}/g, (_match, key: string) => {
      const value = request.params?.[key]
      if (value === undefined) throw new Error(`paramètre ${key} manquant pour ${name}`)
      return encodeURIComponent(String(value))
    })
    if ('query' in endpoint && request.query !== undefined) {
      const query = endpoint.query.parse(request.query) as Record<string, unknown>
      path += `?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString()}`
    }
    const body = 'body' in endpoint ? (endpoint.body as z.ZodType).parse(request.body) : undefined
    const response = await this.send(endpoint.method.toUpperCase(), path, body, endpoint.auth)
    if (endpoint.response === 'image') {
      if (!response.ok) throw this.refusal(response.status, await this.readJson(response, name))
      return new Uint8Array(await response.arrayBuffer()) as RelayAnswer<N>
    }
    const json = await this.readJson(response, name)
    if (!response.ok) throw this.refusal(response.status, json)
    const parsed = (endpoint.response as z.ZodType).safeParse(json)
    if (!parsed.success) {
      this.log(`Réponse du relais refusée (${name}) : elle ne respecte pas le contrat`, parsed.error.issues.slice(0, 5))
      throw new RelayCallError(
        'invalid-answer',
        'Le relais a donné une réponse non conforme : elle a été refusée et rien n’a été enregistré.',
        response.status,
      )
    }
    return parsed.data as RelayAnswer<N>
  }

  private async send(method: string, path: string, body: unknown, auth: boolean): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (auth) {
      if (!this.options.token) throw new RelayCallError('refused', 'La commune n’est pas connectée au portail citoyen.', 401)
      headers.Authorization = `Bearer ${this.options.token}`
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    try {
      return await this.fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      this.log(`Relais injoignable (${method} ${path})`, error)
      throw new RelayCallError(
        'unreachable',
        `Le relais ne répond pas (${relayAddressForDisplay(this.options.baseUrl)}) : vérifiez l’adresse et la connexion à internet. Vos données restent enregistrées sur cet ordinateur.`,
      )
    }
  }

  private async readJson(response: Response, name: string): Promise<unknown> {
    const text = await response.text().catch(() => '')
    try {
      return text ? JSON.parse(text) : null
    } catch {
      if (response.ok) this.log(`Réponse du relais illisible (${name})`)
      return null
    }
  }

  private notARelay(): RelayCallError {
    return new RelayCallError(
      'not-a-relay',
      `Cette adresse (${relayAddressForDisplay(this.options.baseUrl)}) ne répond pas comme un relais Cap Commune : vérifiez-la auprès de l’administrateur du relais.`,
    )
  }

  private refusal(status: number, json: unknown): RelayCallError {
    const error = errorSchema.safeParse(json)
    const code = error.success ? error.data.code : null
    if (status === 401) return new RelayCallError('refused', REFUSALS.jeton_invalide!, status, code)
    const message = (code && REFUSALS[code]) ?? (status >= 500 ? REFUSALS.serveur : status === 429 ? REFUSALS.trop_de_tentatives : null)
    if (message) return new RelayCallError('refused', message, status, code)
    // The relay's own French message: shown as text, never as markup, and cut short. Without one, the status goes to
    // the log, not to the screen (a bare « 422 » tells a secrétaire nothing).
    const relayMessage = error.success ? error.data.message.slice(0, 300) : null
    if (!relayMessage) this.log(`Refus du relais sans explication (statut HTTP ${status}${code ? `, code ${code}` : ''})`)
    return new RelayCallError('refused', `Le relais a refusé : ${relayMessage ?? 'il n’a pas donné de raison.'}`, status, code)
  }
}

/** Our own words for the refusals a user can meet, rather than whatever text a relay sends. */
const REFUSALS: Record<string, string> = {
  code_inconnu: 'Ce code d’appairage est inconnu. Vérifiez-le : les tirets et les majuscules ne comptent pas.',
  code_utilise: 'Ce code d’appairage a déjà servi. Demandez un nouveau code à l’administrateur du relais.',
  code_expire: 'Ce code d’appairage a expiré (il vaut 7 jours). Demandez un nouveau code à l’administrateur du relais.',
  commune_desactivee: 'Cette commune est désactivée sur le relais. Contactez l’administrateur du relais.',
  trop_de_tentatives: 'Le relais refuse pour l’instant trop de tentatives : réessayez dans une heure.',
  jeton_invalide:
    'Le relais ne reconnaît plus cet ordinateur (la commune a été connectée ailleurs, ou son accès retiré). Reconnectez-la dans Paramètres › Portail citoyen avec un nouveau code.',
  serveur: 'Le relais rencontre un problème pour le moment : l’envoi sera retenté.',
}
