/**
 * Folds French text for searching: no case, no accents, ligatures spelled out, punctuation as spaces
 * ("Saint-Étienne" → "saint etienne", "École maternelle" → "ecole maternelle").
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
