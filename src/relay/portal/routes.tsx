/** Mounts the citizen portal: static assets, the relay's home, and each commune's pages under /<code INSEE>. */
import type { Context, Hono } from 'hono'
import { and, ilike, isNull } from 'drizzle-orm'
import { mountCitizens } from '../citizens/pages'
import type { RelayContext } from '../context'
import { communes } from '../db/schema'
import { mountInputs } from '../inputs/pages'
import { mountPolls } from '../polls/pages'
import { ASSETS } from './assets'
import { mountHome } from './home'
import { render } from './kit'
import { Layout } from './layout'

export function mountPortal(app: Hono, relay: RelayContext): void {
  for (const asset of ASSETS) {
    app.get(asset.path, (c) =>
      c.body(new Uint8Array(asset.body), 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=31536000, immutable' }),
    )
  }
  app.get('/', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 60)
    const found = q
      ? await relay.database.db
          .select({ code: communes.code, name: communes.name })
          .from(communes)
          .where(and(isNull(communes.disabledAt), ilike(communes.name, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)))
          .limit(50)
      : []
    return render(
      c,
      null,
      'Portail citoyen',
      <>
        <h1>Portail citoyen des communes</h1>
        <p>Chaque commune a sa page, à l’adresse affichée en mairie (par exemple …/10145). Vous pouvez aussi la chercher par son nom.</p>
        <form method="get" action="/">
          <label for="q">Nom de la commune</label>
          <input type="search" id="q" name="q" value={q} maxlength={60} />
          <button type="submit">Chercher</button>
        </form>
        {q ? (
          found.length ? (
            <ul>
              {found.map((f) => (
                <li>
                  <a href={`/${f.code}`}>
                    {f.name} ({f.code})
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">Aucune commune de ce nom n’a de portail sur ce relais.</p>
          )
        ) : null}
      </>,
    )
  })
  mountHome(app, relay)
  mountCitizens(app, relay)
  mountInputs(app, relay)
  mountPolls(app, relay)
}

export function portalErrorPage(c: Context, _relay: RelayContext, status: number, title: string, message: string) {
  const code = /^\/(\d{5}|2[AB]\d{3})(\/|$)/.exec(c.req.path)?.[1]
  return c.html(
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={code ? `/${code}` : '/'}>Revenir à l’accueil du portail</a>
      </p>
    </Layout>,
    status as 200,
  )
}
