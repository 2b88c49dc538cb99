import type { DomainView, ThemeView } from '../../../../shared/contract'
import { foldForSearch } from '../../../../shared/text'

/** Themes whose title, description, domain or criteria contain every word typed (accents and case ignored). */
export function filterThemes(domains: DomainView[], query: string): { domain: DomainView; themes: ThemeView[] }[] {
  const words = foldForSearch(query).split(' ').filter(Boolean)
  return domains
    .map((domain) => ({
      domain,
      themes: domain.themes.filter((theme) => {
        if (words.length === 0) return true
        const text = foldForSearch(
          [
            domain.title,
            theme.title,
            theme.description,
            ...theme.criteria.map((c) => c.question),
            ...theme.legalReferences.map((r) => `${r.code} ${r.article}`),
          ].join(' '),
        )
        return words.every((word) => text.includes(word))
      }),
    }))
    .filter((group) => group.themes.length > 0)
}
