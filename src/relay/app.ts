/** The relay's Hono application: security headers, the API (api/), the portal (portal/), errors in French. */
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { HTTPException } from 'hono/http-exception'
import { RELAY_API_VERSION } from '../shared/relay/api'
import { relayOpenApi } from '../shared/relay/openapi'
import type { RelayContext } from './context'
import { mountApi } from './api/routes'
import { RelayHttpError } from './http/errors'
import { securityHeaders } from './http/headers'
import { mountPortal, portalErrorPage } from './portal/routes'

export function createRelayApp(relay: RelayContext): Hono {
  const app = new Hono()
  app.use(securityHeaders(() => relay.publicUrl().startsWith('https:')))
  app.use(compress())

  app.get('/api/v1/health', (c) => c.json({ status: 'ok', apiVersion: RELAY_API_VERSION, driver: relay.database.driver }))
  let openApi: string | null = null
  app.get('/api/v1/openapi.json', (c) => {
    openApi ??= JSON.stringify(relayOpenApi(relay.publicUrl()))
    return c.body(openApi, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' })
  })
  mountApi(app, relay)
  mountPortal(app, relay)

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ code: 'introuvable', message: 'Cette adresse de l’API n’existe pas.' }, 404)
    return portalErrorPage(c, relay, 404, 'Page introuvable', 'Cette page n’existe pas. Vérifiez l’adresse, ou revenez à la page de votre commune.')
  })
  app.onError((error, c) => {
    const api = c.req.path.startsWith('/api/')
    if (error instanceof RelayHttpError) {
      if (api) return c.json({ code: error.code, message: error.message }, error.status)
      return portalErrorPage(c, relay, error.status, 'Impossible de continuer', error.message)
    }
    if (error instanceof HTTPException && error.status === 413) {
      const message = 'La requête est trop volumineuse.'
      return api
        ? c.json({ code: 'trop_volumineux', message }, 413)
        : portalErrorPage(c, relay, 413, 'Envoi trop volumineux', `${message} Envoyez des photos plus légères.`)
    }
    // The log gets the kind of error and the route, never the request's data.
    relay.log(`Erreur interne sur ${c.req.method} ${c.req.routePath} : ${(error as Error).stack ?? error}`)
    if (api) return c.json({ code: 'erreur_interne', message: 'Le relais a rencontré une erreur. Réessayez dans un instant.' }, 500)
    return portalErrorPage(
      c,
      relay,
      500,
      'Une erreur est survenue',
      'Le portail a rencontré une erreur. Réessayez dans un instant : rien de ce que vous avez envoyé n’a été enregistré à moitié.',
    )
  })
  return app
}
