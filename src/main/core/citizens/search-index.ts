/**
 * The Citoyens page's search index, contributions_fts (migration 0024). Contentless FTS5: its rowid is not the
 * contribution's id but `id * 16 + cell`, the cell being the contribution's status × moderation state. So a search's
 * counts per status and per moderation state come from the index alone (`rowid & 15`), in one pass over its matches,
 * with no lookup of each matching row (at 100,000 matches that lookup, not the search, was most of the list's time);
 * `rowid >> 4` is the id, and rowid order is still id order. A `facets` column holds the kind and the topic as tokens
 * (`kproposition`, `tvoirie`), so these filters are intersected inside the index too. The triggers of migration 0024
 * and the pull's bulk insert (portal/pull.ts) write exactly ftsValues(): a change of status or moderation moves the
 * row to its new rowid.
 */
import { INPUT_STATUSES, MODERATION_STATES, type InputStatus, type ModerationState } from '../../../shared/relay/vocabulary'
import { ftsQuery } from '../search/fts'

/** A status or moderation state outside the vocabulary (a newer relay's, say): its counts are read from the rows. */
export const UNKNOWN_CELL = 15

/** The cell of a status × moderation state: 0–14, status-major. */
export function cellOf(status: InputStatus, moderation: ModerationState): number {
  return INPUT_STATUSES.indexOf(status) * MODERATION_STATES.length + MODERATION_STATES.indexOf(moderation)
}

export function cellStates(cell: number): { status: InputStatus; moderation: ModerationState } | null {
  if (cell >= INPUT_STATUSES.length * MODERATION_STATES.length) return null
  return { status: INPUT_STATUSES[Math.floor(cell / MODERATION_STATES.length)]!, moderation: MODERATION_STATES[cell % MODERATION_STATES.length]! }
}

const caseOf = (column: string, values: readonly string[], step: number) =>
  `CASE ${column} ${values.map((value, i) => `WHEN '${value}' THEN ${i * step}`).join(' ')} ELSE ${UNKNOWN_CELL} END`

/** The index's rowid for the contribution row `row` (`new`, `old` in a trigger, a table name elsewhere). */
export const ftsKey = (row: string) =>
  `${row}.id * 16 + min(${UNKNOWN_CELL}, ${caseOf(`${row}.status`, INPUT_STATUSES, MODERATION_STATES.length)} + ${caseOf(`${row}.moderation`, MODERATION_STATES, 1)})`

/** A column's text as indexed, ligatures spelled out as everywhere in the app (migrations 0005, 0017). */
const ftsText = (column: string) => `replace(replace(replace(replace(${column}, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE')`

/** Tokens of the kind and topic: letters only (the tokenizer would split `cadre_de_vie`). */
const facetToken = (prefix: string, value: string) => `${prefix}${value.replace(/[^a-z0-9]/g, '')}`
const facets = (row: string) => `'k' || ${row}.kind || ' t' || replace(coalesce(${row}.topic, ''), '_', '')`

export const FTS_COLUMNS = 'rowid, title, body, address, author_display_name, facets'
export const ftsValues = (row: string) =>
  [ftsKey(row), ...['title', 'body', 'address', 'author_display_name'].map((column) => ftsText(`${row}.${column}`)), facets(row)].join(', ')

/** The text columns: what the user types never matches a facet token. */
const TEXT_COLUMNS = '{title body address author_display_name}'

/**
 * The MATCH expression of a search under a kind and a topic, or null without a search (the rows' own indexes are
 * then the faster way).
 */
export function contributionsMatch(search: string | null | undefined, filters: { kind?: string | null; topic?: string | null } = {}): string | null {
  const words = ftsQuery(search ?? '')
  if (!words) return null
  const parts = [`${TEXT_COLUMNS} : (${words})`]
  if (filters.kind) parts.push(`facets : "${facetToken('k', filters.kind)}"`)
  if (filters.topic) parts.push(`facets : "${facetToken('t', filters.topic)}"`)
  return parts.join(' AND ')
}
