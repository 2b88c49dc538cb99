import type { MiddlewareHandler } from 'hono'

/** No inline script, no third party: the portal loads only its own stylesheet, script and photos. */
export const PORTAL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "connect-src 'self'",
].join('; ')

export function securityHeaders(httpsOnly: () => boolean): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const h = c.res.headers
    h.set('Content-Security-Policy', PORTAL_CSP)
    h.set('X-Content-Type-Options', 'nosniff')
    h.set('X-Frame-Options', 'DENY')
    h.set('Referrer-Policy', 'same-origin')
    h.set('Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=(), interest-cohort=()')
    h.set('Cross-Origin-Opener-Policy', 'same-origin')
    h.set('Cross-Origin-Resource-Policy', 'same-origin')
    if (httpsOnly()) h.set('Strict-Transport-Security', 'max-age=31536000')
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store')
  }
}
