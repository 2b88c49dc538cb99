/**
 * The one rule for a link that leaves the app for the system browser, shared by the renderer (which links it shows
 * as clickable in a citizen's text), the contract (`app.openLink` refuses anything else, whatever the renderer
 * sent) and the Electron shell's navigation guards.
 */

/** Longer than any address a citizen means to share; longer ones stay plain text. */
export const MAX_LINK_LENGTH = 2000

/**
 * Characters never part of a link: spaces of every kind (`\s` covers the non-breaking ones of French typography),
 * C0/C1 controls, and the invisible or direction-changing marks that could make a link read as another.
 */
// eslint-disable-next-line no-control-regex -- the controls are what this refuses
export const NOT_IN_LINK = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u

// A host as DNS names it, once in ASCII: dot-separated labels of letters, digits and inner hyphens, at least two
// (https://https//x.fr, from « https://https://x.fr », has the host « https »); or an IPv6 address in brackets.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.?$|^\[[0-9a-f:.]+\]$/

/**
 * The address as the browser will open it, when it is a plain https link: no other scheme (http, javascript:, data:,
 * mailto:, file:…), no `user:password@` (a phishing sign: https://mairie.fr@evil.example), a real host name, nothing
 * hidden.
 * Its `hostname` is the ASCII form (punycode, `xn--…`), so a look-alike of a known site shows as what it is.
 */
export function safeHttpsUrl(text: unknown): URL | null {
  if (typeof text !== 'string' || text.length > MAX_LINK_LENGTH || NOT_IN_LINK.test(text)) return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.username !== '' || url.password !== '') return null
  return url
}

/** The host written in punycode: letters of another alphabet, perhaps imitating a known site. */
export function isPunycodeHost(url: URL): boolean {
  return url.hostname.split('.').some((label) => label.startsWith('xn--'))
}
