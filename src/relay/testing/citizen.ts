/** A citizen's browser without JavaScript, for the tests: cookies, forms with their token, sign-in by mailed link. */
import type { RelayProcess } from './relay-process'
import type { TestSmtp } from './smtp'

export class TestCitizen {
  private cookies = new Map<string, string>()
  /** The session's form token, once signed in. */
  formToken: string | null = null
  constructor(
    readonly relay: RelayProcess,
    readonly commune: string,
  ) {}

  /** The same browser (cookies, session) talking to another relay process of the same database. */
  through(relay: RelayProcess): TestCitizen {
    const twin = new TestCitizen(relay, this.commune)
    twin.cookies = this.cookies
    twin.formToken = this.formToken
    return twin
  }

  private remember(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const [name, value = ''] = pair.split('=')
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') this.cookies.delete(name!)
      else this.cookies.set(name!, value)
    }
  }

  /** The Cookie header this browser sends (for load tests that replay it). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private headers(extra: Record<string, string> = {}): Headers {
    const headers = new Headers(extra)
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    return headers
  }

  async get(path: string): Promise<{ status: number; html: string; response: Response }> {
    const response = await fetch(`${this.relay.url}${path}`, { headers: this.headers(), redirect: 'manual' })
    this.remember(response)
    return { status: response.status, html: await response.text(), response }
  }

  /** The form token of a page. */
  async csrf(path: string): Promise<string> {
    const { html } = await this.get(path)
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
    if (!token) throw new Error(`pas de formulaire sur ${path}`)
    return token
  }

  /** Posts a form (urlencoded, or multipart when it has files), with the page's token unless `_csrf` is given. */
  async post(path: string, fields: Record<string, string | string[] | Blob[]>, options: { from?: string; origin?: string | null } = {}) {
    const hasFiles = Object.values(fields).some((v) => Array.isArray(v) && v.some((x) => x instanceof Blob))
    const token = '_csrf' in fields ? null : await this.csrf(options.from ?? path)
    let body: FormData | URLSearchParams
    if (hasFiles) {
      body = new FormData()
      for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item as string | Blob)
      if (token) body.append('_csrf', token)
    } else {
      body = new URLSearchParams()
      for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item as string)
      if (token) body.append('_csrf', token)
    }
    const headers = this.headers(options.origin === null ? {} : { Origin: options.origin ?? this.relay.url })
    const response = await fetch(`${this.relay.url}${path}`, { method: 'POST', body, headers, redirect: 'manual' })
    this.remember(response)
    return { status: response.status, html: await response.text(), location: response.headers.get('location'), response }
  }

  /** Asks for a link, reads it from the mail, confirms it: signed in. */
  async signIn(smtp: TestSmtp, email: string, displayName = 'Marie D.'): Promise<void> {
    const before = smtp.mails.length
    const asked = await this.post(`/${this.commune}/connexion`, { email })
    if (asked.status !== 200) throw new Error(`connexion refusée : ${asked.status}`)
    const mail = await smtp.waitFor(email, (m) => smtp.mails.indexOf(m) >= before)
    const link = /(https?:\/\/\S+\/connexion\/lien\?jeton=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1]
    if (!link) throw new Error(`pas de lien dans le courriel : ${mail.text}`)
    const path = link.replace(this.relay.url, '')
    const page = await this.get(path)
    const token = /name="jeton" value="([^"]+)"/.exec(page.html)![1]!
    const confirmed = await this.post(`/${this.commune}/connexion/lien`, { jeton: token }, { from: path })
    if (confirmed.status !== 303) throw new Error(`lien refusé : ${confirmed.status} ${confirmed.html.slice(0, 500)}`)
    if (confirmed.location?.includes('bienvenue')) {
      const saved = await this.post(`/${this.commune}/compte`, { displayName, digest: 'hebdomadaire', alerts: '1' })
      if (saved.status !== 303) throw new Error(`compte non enregistré : ${saved.html.slice(0, 300)}`)
    }
    this.formToken = await this.csrf(`/${this.commune}/compte`)
  }
}
