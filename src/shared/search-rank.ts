/**
 * How an entry of the référentiel answers a search, so that « école » lists « Enfance, jeunesse et école » and its
 * themes before a Voirie theme that only mentions schools in a criterion: every word typed in the title comes first,
 * then every word in the title or the name of what it belongs to (its domain, or a criterion's theme), then every
 * word anywhere. Lower is better; null when a word is found nowhere.
 */
export type MatchTier = 0 | 1 | 2

export interface RankedTexts<T> {
  /** The entry's own title. */
  title: T
  /** The name of what it belongs to: a theme's domain, a criterion's theme. */
  owner: T
  /** Everything else searched (description, criteria, legal references…). */
  rest: T
}

/** `contains(text, word)` says whether one folded word is found in one of the texts. */
export function matchTier<T>(words: string[], texts: RankedTexts<T>, contains: (text: T, word: string) => boolean): MatchTier | null {
  if (words.every((w) => contains(texts.title, w))) return 0
  if (words.every((w) => contains(texts.title, w) || contains(texts.owner, w))) return 1
  if (words.every((w) => contains(texts.title, w) || contains(texts.owner, w) || contains(texts.rest, w))) return 2
  return null
}
