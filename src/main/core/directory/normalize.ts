/**
 * Folds a French place name for searching: no case, no accents, ligatures spelled out, hyphens and apostrophes
 * as spaces ("Saint-Étienne" → "saint etienne", "L'Haÿ-les-Roses" → "l hay les roses").
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Abbreviations people type for the commonest name parts. */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' }

export function searchTokens(query: string): string[] {
  const folded = foldForSearch(query)
  if (!folded) return []
  return folded.split(' ').map((token) => ABBREVIATIONS[token] ?? token)
}
