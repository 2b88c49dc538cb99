/**
 * The référentiel's themes and criteria, searched in memory (a few hundred entries: no index needed). Texts are
 * folded once per loaded référentiel and kept in a WeakMap, so a keystroke only compares strings.
 */
import { matchTier, type RankedTexts } from '../../../shared/search-rank'
import { foldForSearch } from '../../../shared/text'
import type { LoadedReferentiel } from '../referentiel/load'

export interface ReferentielHit {
  kind: 'theme' | 'criterion'
  id: string
  title: string
  excerpt: string
  path: string
}

interface Entry extends ReferentielHit {
  /** Folded words of what is searched: the title, the name of its domain (theme) or theme (criterion), the rest. */
  words: RankedTexts<string[]>
}

const entriesByReferentiel = new WeakMap<LoadedReferentiel, { themes: Entry[]; criteria: Entry[] }>()

function words(text: string): string[] {
  return foldForSearch(text).split(' ').filter(Boolean)
}

function shorten(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

function entriesOf(loaded: LoadedReferentiel): { themes: Entry[]; criteria: Entry[] } {
  const cached = entriesByReferentiel.get(loaded)
  if (cached) return cached
  const themes: Entry[] = []
  const criteria: Entry[] = []
  for (const domain of loaded.referentiel.domains) {
    for (const theme of domain.themes) {
      themes.push({
        kind: 'theme',
        id: theme.id,
        title: theme.title,
        excerpt: shorten(`${domain.title} — ${theme.description}`),
        path: `/referentiel?theme=${encodeURIComponent(theme.id)}`,
        words: { title: words(theme.title), owner: words(domain.title), rest: words(theme.description) },
      })
      for (const criterion of theme.criteria) {
        criteria.push({
          kind: 'criterion',
          id: criterion.id,
          title: criterion.question,
          excerpt: shorten(`${theme.title} — ${criterion.nextStep}`),
          path: `/referentiel?theme=${encodeURIComponent(theme.id)}`,
          words: { title: words(criterion.question), owner: words(theme.title), rest: words(criterion.help ?? '') },
        })
      }
    }
  }
  const built = { themes, criteria }
  entriesByReferentiel.set(loaded, built)
  return built
}

const startsAWord = (words: string[], token: string) => words.some((w) => w.startsWith(token))

function search(entries: Entry[], tokens: string[], limit: number): ReferentielHit[] {
  const found: { entry: Entry; tier: number; inTitle: number }[] = []
  for (const entry of entries) {
    const tier = matchTier(tokens, entry.words, startsAWord)
    if (tier === null) continue
    found.push({ entry, tier, inTitle: tokens.filter((t) => startsAWord(entry.words.title, t)).length })
  }
  // Stable sort: every word in the title first, then in the title or its domain's (theme's) name, then the most words
  // in the title, then the référentiel's order.
  found.sort((a, b) => a.tier - b.tier || b.inTitle - a.inTitle)
  return found.slice(0, limit).map(({ entry: { kind, id, title, excerpt, path } }) => ({ kind, id, title, excerpt, path }))
}

/** Themes and criteria every token of which starts a word (accents and case ignored). */
export function searchReferentiel(
  loaded: LoadedReferentiel,
  tokens: string[],
  limit: number,
): { themes: ReferentielHit[]; criteria: ReferentielHit[] } {
  if (tokens.length === 0) return { themes: [], criteria: [] }
  const { themes, criteria } = entriesOf(loaded)
  return { themes: search(themes, tokens, limit), criteria: search(criteria, tokens, limit) }
}
