import { foldForSearch } from '../../../shared/text'

export { foldForSearch }

/** Abbreviations people type for the commonest name parts. */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' }

export function searchTokens(query: string): string[] {
  const folded = foldForSearch(query)
  if (!folded) return []
  return folded.split(' ').map((token) => ABBREVIATIONS[token] ?? token)
}
