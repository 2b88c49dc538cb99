/**
 * One rule for every piece of text that comes in, whatever the method and the field (applied by the core's entry
 * point before the contract's own checks): control characters other than line breaks and tabs are refused (a NUL
 * byte cuts a text short in many programs), malformed UTF-16 (a lone surrogate) is refused, and the invisible
 * characters that reorder text on screen (U+202A–U+202E, U+2066–U+2069: « facture\u202Efdp.exe » shows as
 * « factureexe.pdf ») are removed.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const DIRECTION_OVERRIDES = /[\u202a-\u202e\u2066-\u2069]/g

export interface TextIssue {
  path: string
  message: string
}

export type Sanitized = { ok: true; value: unknown } | { ok: false; issue: TextIssue }

export function sanitizeText(text: string): { ok: true; value: string } | { ok: false; message: string } {
  if (LONE_SURROGATE.test(text)) return { ok: false, message: 'Le texte contient des caractères illisibles (encodage abîmé) : retapez-le.' }
  if (CONTROL.test(text)) {
    return { ok: false, message: 'Le texte contient des caractères de contrôle invisibles : retapez-le au lieu de le coller, ou retirez-les.' }
  }
  return { ok: true, value: text.replace(DIRECTION_OVERRIDES, '') }
}

/** The same value with every string checked and cleaned, or the first field at fault. */
export function sanitizeInput(value: unknown, path: string[] = []): Sanitized {
  if (typeof value === 'string') {
    const result = sanitizeText(value)
    return result.ok ? result : { ok: false, issue: { path: path.join('.'), message: result.message } }
  }
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const [i, item] of value.entries()) {
      const result = sanitizeInput(item, [...path, String(i)])
      if (!result.ok) return result
      out.push(result.value)
    }
    return { ok: true, value: out }
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      const keyCheck = sanitizeText(key)
      if (!keyCheck.ok) return { ok: false, issue: { path: [...path, '?'].join('.'), message: keyCheck.message } }
      const result = sanitizeInput(item, [...path, key])
      if (!result.ok) return result
      out[key] = result.value
    }
    return { ok: true, value: out }
  }
  return { ok: true, value }
}
