import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { DirectoryCommune } from '../../../shared/contract'
import { epciKindOf, type EpciKind } from '../../../shared/referentiel/profile-defaults'
import { foldForSearch, searchTokens } from './normalize'

export { DIRECTORY_SOURCE } from '../../../shared/contract/directory'

interface RawCommune {
  code: string
  nom: string
  type: string
  departement: string
  region: string
  siren: string
  codesPostaux?: string[]
  population?: number
}
interface RawEpci {
  code: string
  nom: string
  type?: string
  membres: { code: string }[]
}
interface RawArea {
  code: string
  nom: string
}

interface IndexedCommune {
  commune: DirectoryCommune
  tokens: string[]
  folded: string
  compact: string
}

function readPackageJson<T>(file: string): T {
  const require = createRequire(import.meta.url)
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8')) as T
}

export interface CommuneDirectory {
  size: number
  search(query: string, limit: number): DirectoryCommune[]
  get(inseeCode: string): DirectoryCommune | undefined
}

/** Ranks: lower is better. */
const EXACT = 0
const STARTS_WITH = 1
const TOKENS_IN_ORDER = 2
const TOKENS_ANY_ORDER = 3

function findWordStartingWith(words: string[], token: string, from: number, used: number): number {
  for (let i = from; i < words.length; i++) {
    if ((used & (1 << i)) === 0 && words[i]!.startsWith(token)) return i
  }
  return -1
}

function rankByName(entry: IndexedCommune, tokens: string[], foldedQuery: string, compactQuery: string): number | null {
  if (entry.folded === foldedQuery || entry.compact === compactQuery) return EXACT
  if (entry.folded.startsWith(foldedQuery) || entry.compact.startsWith(compactQuery)) return STARTS_WITH
  // Cheap rejection first: most names do not even contain the words typed.
  for (const token of tokens) if (!entry.folded.includes(token)) return null
  // Each query word must start a distinct word of the name (a bit mask marks the words used).
  let used = 0
  let position = 0
  let inOrder = true
  for (const token of tokens) {
    let found = findWordStartingWith(entry.tokens, token, position, used)
    if (found === -1) {
      inOrder = false
      found = findWordStartingWith(entry.tokens, token, 0, used)
      if (found === -1) return null
    }
    used |= 1 << found
    position = found + 1
  }
  return inOrder ? TOKENS_IN_ORDER : TOKENS_ANY_ORDER
}

/** The most words a département's name has where there are communes (« Alpes-de-Haute-Provence »). */
const MAX_DEPARTEMENT_WORDS = 4

function byRankThenPopulation(a: { rank: number; entry: IndexedCommune }, b: { rank: number; entry: IndexedCommune }) {
  return a.rank - b.rank || (b.entry.commune.population ?? 0) - (a.entry.commune.population ?? 0)
}

/**
 * The ~35,000 current communes, searchable offline by name (optionally followed by the département's name or number),
 * postal code or INSEE code.
 */
export function loadCommuneDirectory(): CommuneDirectory {
  const communes = readPackageJson<RawCommune[]>('communes.json')
  const epcis = readPackageJson<RawEpci[]>('epci.json')
  const departements = new Map(readPackageJson<RawArea[]>('departements.json').map((d) => [d.code, d.nom]))
  const regions = new Map(readPackageJson<RawArea[]>('regions.json').map((r) => [r.code, r.nom]))
  const epciByCommune = new Map<string, { siren: string; name: string; kind: EpciKind | null }>()
  for (const epci of epcis) {
    for (const member of epci.membres) epciByCommune.set(member.code, { siren: epci.code, name: epci.nom, kind: epciKindOf(epci.type) })
  }

  const entries: IndexedCommune[] = []
  const byCode = new Map<string, DirectoryCommune>()
  const byDepartement = new Map<string, IndexedCommune[]>()
  // A département by its folded name (« cote d or ») or its code, lower case (« 10 », « 2a », « 971 »).
  const departementCodes = new Map<string, string>()
  for (const [code, name] of departements) {
    departementCodes.set(foldForSearch(name), code)
    departementCodes.set(code.toLowerCase(), code)
  }
  const departementCodeOf = (folded: string) => departementCodes.get(/^\d$/.test(folded) ? `0${folded}` : folded)
  for (const raw of communes) {
    if (raw.type !== 'commune-actuelle') continue
    const commune: DirectoryCommune = {
      inseeCode: raw.code,
      name: raw.nom,
      departementCode: raw.departement,
      departementName: departements.get(raw.departement) ?? raw.departement,
      regionCode: raw.region,
      regionName: regions.get(raw.region) ?? raw.region,
      postalCodes: raw.codesPostaux ?? [],
      siren: raw.siren,
      population: raw.population ?? null,
      epci: epciByCommune.get(raw.code) ?? null,
    }
    const folded = foldForSearch(raw.nom)
    const entry: IndexedCommune = { commune, folded, tokens: folded.split(' '), compact: folded.replace(/ /g, '') }
    entries.push(entry)
    byCode.set(raw.code, commune)
    const sameDepartement = byDepartement.get(raw.departement) ?? []
    sameDepartement.push(entry)
    byDepartement.set(raw.departement, sameDepartement)
  }

  return {
    size: entries.length,
    get: (inseeCode) => byCode.get(inseeCode),
    search(query, limit) {
      const trimmed = query.trim()
      if (/^[0-9][0-9ab]{1,4}$/i.test(trimmed)) {
        // A postal code (or its beginning), or an INSEE code.
        const code = trimmed.toUpperCase()
        const hits = entries
          .filter((e) => e.commune.inseeCode === code || e.commune.postalCodes.some((p) => p.startsWith(code)))
          .map((entry) => ({ entry, rank: entry.commune.postalCodes.includes(code) || entry.commune.inseeCode === code ? 0 : 1 }))
        return hits
          .sort(byRankThenPopulation)
          .slice(0, limit)
          .map((h) => h.entry.commune)
      }
      const tokens = searchTokens(trimmed)
      if (tokens.length === 0) return []
      const best = new Map<IndexedCommune, number>()
      const keep = (entry: IndexedCommune, rank: number) => {
        const known = best.get(entry)
        if (known === undefined || rank < known) best.set(entry, rank)
      }
      const search = (among: IndexedCommune[], words: string[]) => {
        const folded = words.join(' ')
        const compact = words.join('')
        for (const entry of among) {
          const rank = rankByName(entry, words, folded, compact)
          if (rank !== null) keep(entry, rank)
        }
      }
      search(entries, tokens)
      // « saint martin aube », « saint martin 10 »: the last words may name the département (or give its number).
      for (let words = 1; words < tokens.length && words <= MAX_DEPARTEMENT_WORDS; words++) {
        const code = departementCodeOf(tokens.slice(-words).join(' '))
        if (code === undefined) continue
        search(byDepartement.get(code) ?? [], tokens.slice(0, -words))
      }
      return [...best]
        .map(([entry, rank]) => ({ entry, rank }))
        .sort(byRankThenPopulation)
        .slice(0, limit)
        .map((h) => h.entry.commune)
    },
  }
}
