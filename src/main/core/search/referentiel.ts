/**
 * The référentiel's themes and criteria, searched in memory (a few hundred entries: no index needed). Texts are
 * folded once per loaded référentiel and kept in a WeakMap, so a keystroke only compares strings.
 */
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
  /** Folded words of what is searched (title, description or question, the domain's title). */
  words: string[]
  /** Folded title, to rank title matches first. */
  titleWords: string[]
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
        words: words(`${theme.title} ${theme.description} ${domain.title}`),
        titleWords: words(theme.title),
      })
      for (const criterion of theme.criteria) {
        criteria.push({
          kind: 'criterion',
          id: criterion.id,
          title: criterion.question,
          excerpt: shorten(`${theme.title} — ${criterion.nextStep}`),
          path: `/referentiel?theme=${encodeURIComponent(theme.id)}`,
          words: words(`${criterion.question} ${criterion.help ?? ''} ${theme.title}`),
          titleWords: words(criterion.question),
        })
      }
    }
  }
  const built = { themes, criteria }
  entriesByReferentiel.set(loaded, built)
  return built
}

function search(entries: Entry[], tokens: string[], limit: number): ReferentielHit[] {
  const found: { entry: Entry; inTitle: number }[] = []
  for (const entry of entries) {
    if (!tokens.every((t) => entry.words.some((w) => w.startsWith(t)))) continue
    found.push({ entry, inTitle: tokens.filter((t) => entry.titleWords.some((w) => w.startsWith(t))).length })
  }
  // Stable sort: title matches first, then the référentiel's order.
  found.sort((a, b) => b.inTitle - a.inTitle)
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
