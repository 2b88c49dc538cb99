import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/** 32 random bytes, URL-safe: magic links, session and desktop tokens. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** What the database keeps of a secret. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Letters and digits nobody confuses when typing from paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A code to type by hand, in groups of four: `K7QD-M3XP-…`. */
export function humanCode(groups: number): string {
  const parts: string[] = []
  for (let g = 0; g < groups; g++) {
    let part = ''
    for (let i = 0; i < 4; i++) part += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    parts.push(part)
  }
  return parts.join('-')
}

/** Spaces, dashes and case do not matter when a code is typed back; look-alike characters are folded. */
export function normalizeCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .slice(0, 64)
}

/** The hash of a human code, however it was typed. */
export function hashCode(typed: string): string {
  return hashSecret(normalizeCode(typed))
}
