/**
 * The citizen's session (an HttpOnly, SameSite=Lax cookie scoped to the commune's path, its hash in the database) and
 * CSRF protection of every form: the Origin (or Referer) must be the portal's own, and a form token must match —
 * the session's token when signed in, else a double-submit cookie.
 */
import type { Context } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { RelayContext } from '../context'
import { SESSION_DAYS, type Citizen, type CommuneVisit } from '../citizens/queries'
import { RelayHttpError } from '../http/errors'
import { randomToken, sameSecret } from '../security/secrets'

export const SESSION_COOKIE = 'cc_session'
const ANONYMOUS_CSRF_COOKIE = 'cc_form'

export interface Visitor {
  citizen: Citizen | null
  /** The token to put in every form of the page. */
  csrf: string
}

function secure(relay: RelayContext): boolean {
  return relay.publicUrl().startsWith('https:')
}

/** The session cookie when it has the shape of one (anything else is not looked up). */
export function sessionToken(c: Context): string | null {
  const token = getCookie(c, SESSION_COOKIE)
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null
}

/** The visitor of a portal page, from the session found with the commune (`communeVisit`), else anonymous. */
export function visitor(c: Context, relay: RelayContext, communeCode: string, session: CommuneVisit['session']): Visitor {
  if (session) return { citizen: session.citizen, csrf: session.csrfToken }
  let csrf = getCookie(c, ANONYMOUS_CSRF_COOKIE)
  if (!csrf || !/^[A-Za-z0-9_-]{20,100}$/.test(csrf)) {
    csrf = randomToken(24)
    setCookie(c, ANONYMOUS_CSRF_COOKIE, csrf, { path: `/${communeCode}`, httpOnly: true, sameSite: 'Lax', secure: secure(relay) })
  }
  return { citizen: null, csrf }
}

export function startSession(c: Context, relay: RelayContext, communeCode: string, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: `/${communeCode}`,
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(relay),
    maxAge: SESSION_DAYS * 86_400,
  })
}

export function clearSession(c: Context, communeCode: string): void {
  deleteCookie(c, SESSION_COOKIE, { path: `/${communeCode}` })
}

function sameOrigin(c: Context, relay: RelayContext): boolean {
  const allowed = new Set([new URL(c.req.url).origin, new URL(relay.publicUrl()).origin])
  const origin = c.req.header('origin')
  if (origin && origin !== 'null') return allowed.has(origin)
  const referer = c.req.header('referer')
  if (referer) {
    try {
      return allowed.has(new URL(referer).origin)
    } catch {
      return false
    }
  }
  // Neither header (some privacy tools strip both): the form token below still has to match.
  return origin !== 'null'
}

/** Checks a POSTed form's origin and token; throws a French 403 otherwise. */
export function checkForm(c: Context, relay: RelayContext, who: Visitor, form: Record<string, unknown>): void {
  const token = typeof form._csrf === 'string' ? form._csrf : ''
  if (!sameOrigin(c, relay) || !token || !sameSecret(token, who.csrf)) {
    throw new RelayHttpError(
      403,
      'formulaire_expire',
      'Ce formulaire a expiré ou ne vient pas de ce portail. Rechargez la page et recommencez : rien n’a été enregistré.',
    )
  }
}
