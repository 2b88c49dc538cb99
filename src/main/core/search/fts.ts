/**
 * Turning what the user typed into an FTS5 query that can never be malformed: the text is folded
 * (src/shared/text.ts: no case, no accents, punctuation as spaces), so only [a-z0-9] words remain; every word is then
 * quoted and given a prefix star ("ecole mat" → `"ecole"* "mat"*`, an implicit AND). Quotes, stars, NEAR( and
 * column filters typed by the user are folded away before they reach MATCH.
 */
import { foldForSearch } from '../../../shared/text'

/** Words beyond this are ignored: a query of 30 prefixes says nothing more and costs more. */
const MAX_TOKENS = 8
/**
 * Shorter words are ignored: a search starts from two characters. A one-letter prefix matches nearly everything
 * (and has no prefix index), so it would only slow the first keystroke down; "l'école" searches "ecole".
 */
export const MIN_TOKEN_LENGTH = 2

export function searchTokens(text: string): string[] {
  return foldForSearch(text)
    .split(' ')
    .filter((token) => token.length >= MIN_TOKEN_LENGTH)
    .slice(0, MAX_TOKENS)
}

/** The MATCH expression for `text`, or null when nothing searchable is left (empty, only punctuation). */
export function ftsQuery(text: string): string | null {
  const tokens = searchTokens(text)
  if (tokens.length === 0) return null
  // Tokens are [a-z0-9]+ after folding; the quotes are belt and braces.
  return tokens.map((token) => `"${token.replace(/"/g, '""')}"*`).join(' ')
}
