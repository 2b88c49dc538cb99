import type { DomainView, ThemeView } from '@shared/contract'
import { matchTier, type MatchTier } from '@shared/search-rank'
import { foldForSearch } from '@shared/text'

const contains = (text: string, word: string) => text.includes(word)

/**
 * Themes whose title, description, domain or criteria contain every word typed (accents and case ignored), best
 * first: themes with every word in their title, then in their title or their domain's name, then anywhere; domains in
 * the order of their best theme, the référentiel's order otherwise.
 */
export function filterThemes(domains: DomainView[], query: string): { domain: DomainView; themes: ThemeView[] }[] {
  const words = foldForSearch(query).split(' ').filter(Boolean)
  if (words.length === 0) return domains.filter((d) => d.themes.length > 0).map((domain) => ({ domain, themes: domain.themes }))
  const groups: { domain: DomainView; themes: ThemeView[]; best: MatchTier }[] = []
  for (const domain of domains) {
    const owner = foldForSearch(domain.title)
    const found: { theme: ThemeView; tier: MatchTier }[] = []
    for (const theme of domain.themes) {
      const rest = foldForSearch(
        [theme.description, ...theme.criteria.map((c) => c.question), ...theme.legalReferences.map((r) => `${r.code} ${r.article}`)].join(' '),
      )
      const tier = matchTier(words, { title: foldForSearch(theme.title), owner, rest }, contains)
      if (tier !== null) found.push({ theme, tier })
    }
    if (found.length === 0) continue
    // Array.prototype.sort is stable: equal tiers keep the référentiel's order.
    found.sort((a, b) => a.tier - b.tier)
    groups.push({ domain, themes: found.map((f) => f.theme), best: found[0]!.tier })
  }
  groups.sort((a, b) => a.best - b.best)
  return groups.map(({ domain, themes }) => ({ domain, themes }))
}
