/** What every portal page uses: the commune of the URL and the visitor (one query), rendering in the layout, form helpers, formats. */
import type { Context, MiddlewareHandler } from 'hono'
import type { Child } from 'hono/jsx'
import { bodyLimit } from 'hono/body-limit'
import type { RelayContext } from '../context'
import { communeVisit } from '../citizens/queries'
import { RelayHttpError } from '../http/errors'
import { Layout } from './layout'
import { checkForm, sessionToken, visitor, type Visitor } from './session'
import { formatWholeEuros, frenchDate } from '../../shared/format'

export interface PortalPage {
  commune: { code: string; name: string; population: number | null }
  who: Visitor
}

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/

export async function portalPage(c: Context, relay: RelayContext): Promise<PortalPage> {
  const code = c.req.param('commune') ?? ''
  const visit = COMMUNE_CODE.test(code) ? await communeVisit(relay.database.db, code, sessionToken(c)) : null
  if (!visit)
    throw new RelayHttpError(
      404,
      'commune_inconnue',
      'Cette commune n’a pas de portail citoyen sur ce relais. Vérifiez l’adresse affichée en mairie.',
    )
  return { commune: visit.commune, who: visitor(c, relay, visit.commune.code, visit.session) }
}

export function render(c: Context, p: PortalPage | null, title: string, body: Child, status = 200) {
  return c.html(
    <Layout title={title} commune={p?.commune ?? null} signedIn={Boolean(p?.who.citizen)}>
      {body}
    </Layout>,
    status as 200,
  )
}

/** Beyond the limit, a declared body up to this size is read and dropped, so that the browser gets the error page. */
const DRAIN_MAX = 200 * 1024 * 1024

/** Form bodies: 64 KB for text forms; uploads get their own, larger limit. */
export function formLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = () =>
    new RelayHttpError(
      413,
      'trop_volumineux',
      maxSize > 1_000_000 ? 'L’envoi dépasse 40 Mo : envoyez des photos moins nombreuses ou plus légères.' : 'Le formulaire est trop volumineux.',
    )
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge()
    },
  })
  return async (c, next) => {
    const declared = Number(c.req.header('content-length'))
    if (declared > maxSize) {
      // A client still sending when the answer comes would see a reset connection instead of the message.
      if (declared <= DRAIN_MAX && c.req.raw.body) for await (const _chunk of c.req.raw.body) void _chunk
      throw tooLarge()
    }
    return limit(c, next)
  }
}

export type FormData = Record<string, string | File | (string | File)[]>

/** Parses a posted form and checks its origin and token. */
export async function postedForm(c: Context, relay: RelayContext, p: PortalPage): Promise<FormData> {
  const type = c.req.header('content-type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type))
    throw new RelayHttpError(415, 'type_invalide', 'Ce formulaire n’a pas été envoyé correctement.')
  const form = (await c.req.parseBody({ all: true })) as FormData
  checkForm(c, relay, p.who, form)
  return form
}

export function text(form: FormData, name: string): string {
  const value = form[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

export function texts(form: FormData, name: string): string[] {
  const value = form[name]
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string')
}

export function files(form: FormData, name: string): File[] {
  const value = form[name]
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is File => typeof v !== 'string' && v.size > 0)
}

export function requireCitizen(p: PortalPage) {
  if (!p.who.citizen) throw new RelayHttpError(401, 'non_connecte', 'Connectez-vous d’abord : la mairie vous envoie un lien par courriel.')
  return p.who.citizen
}

export const Csrf = ({ p }: { p: PortalPage }) => <input type="hidden" name="_csrf" value={p.who.csrf} />

export function ErrorBox({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <div class="error" role="alert" id="erreur" tabindex={-1}>
      <p>
        <strong>À corriger :</strong> {message}
      </p>
    </div>
  )
}

export function Notice({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <div class="notice ok" role="status">
      <p>{message}</p>
    </div>
  )
}

const dateLong = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })

export const formatDate = (value: Date | string) =>
  frenchDate(dateLong, typeof value === 'string' ? new Date(`${value.length === 10 ? `${value}T12:00:00Z` : value}`) : value)
export const formatDateTime = (value: Date) => frenchDate(dateTime, value)
export const formatEuros = (cents: number) => formatWholeEuros(cents / 100)
