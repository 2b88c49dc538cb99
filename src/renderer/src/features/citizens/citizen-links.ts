import { NOT_IN_LINK, safeHttpsUrl } from '@shared/links'

/** A piece of a citizen's text: words as written, or an https link (`url` is what would open, its host in ASCII). */
export type TextPart = { text: string; url?: undefined } | { text: string; url: URL }

// Where a link may start: « https:// » in any case. It ends at the first character never part of a link, or at quotes
// and angle brackets, which in prose surround an address rather than belong to it (« https://… », <https://…>).
const CANDIDATE = new RegExp(`https://(?:(?!${NOT_IN_LINK.source})[^<>"«»“”‹›])+`, 'giu')

// Punctuation that ends a sentence or a clause, never the address it follows (« voir https://x.fr/a. »).
const TRAILING = /[.,;:!?'’…]$/u

/**
 * The link in a candidate without what follows it in the sentence: trailing punctuation, and a closing bracket
 * that closes the sentence's own bracket (« (voir https://x.fr/a) ») — kept when the address opened it
 * (https://fr.wikipedia.org/wiki/Troyes_(Aube)). One pass to count the brackets, one back from the end.
 */
function trimTrailing(candidate: string): string {
  // Per closing bracket: how many more closing than opening ones.
  const balance: Record<string, number> = { ')': 0, ']': 0, '}': 0 }
  for (const char of candidate) {
    if (char in balance) balance[char]!++
    else if (char === '(') balance[')']!--
    else if (char === '[') balance[']']!--
    else if (char === '{') balance['}']!--
  }
  let end = candidate.length
  while (end > 0) {
    const last = candidate[end - 1]!
    if (TRAILING.test(last)) end--
    else if (last in balance && balance[last]! > 0) {
      balance[last]!--
      end--
    } else break
  }
  return candidate.slice(0, end)
}

/**
 * Splits a citizen's text into plain words and the https links it contains, for CitizenText to show the links as
 * buttons that ask before opening. Anything else that looks like an address (http:, javascript:, data:, mailto:,
 * an address with `user:password@`) stays plain text. The parts put back together are the text, unchanged.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = []
  let plainFrom = 0
  for (const match of text.matchAll(CANDIDATE)) {
    const link = trimTrailing(match[0])
    const url = safeHttpsUrl(link)
    if (!url) continue
    if (match.index > plainFrom) parts.push({ text: text.slice(plainFrom, match.index) })
    parts.push({ text: link, url })
    plainFrom = match.index + link.length
  }
  if (plainFrom < text.length || parts.length === 0) parts.push({ text: text.slice(plainFrom) })
  return parts
}
