/**
 * The renderer's Content-Security-Policy, sent by both hosts. Mantine injects its theme variables in a <style>
 * element, hence 'unsafe-inline' for styles only; scripts come from the app itself and nowhere else.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

/** Sent as an HTTP header (browser host, app:// protocol). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/** The same policy for the page's <meta> tag, where browsers ignore frame-ancestors. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ')
