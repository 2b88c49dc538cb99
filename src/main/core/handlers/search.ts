/**
 * Ctrl+K: one query over what the commune wrote (projects, tasks, comments, people — SQLite FTS5 tables kept in sync
 * by triggers, migrations/0003_search.sql; since 0005_search_ligatures they index œ and æ spelled out, "oe" and "ae",
 * as the typed query is folded) and over the référentiel's themes and criteria (in memory).
 * What the user typed never reaches MATCH as is: src/main/core/search/fts.ts folds it and quotes every word.
 */
import { SEARCH_KINDS } from '../../../shared/contract'
import type { MethodOutput } from '../../../shared/contract'
import type { HandlerContext, HandlersOf } from '../handler'
import { prepared } from '../db/sql'
import { ftsQuery, searchTokens } from '../search/fts'
import { searchReferentiel } from '../search/referentiel'

type SearchResult = MethodOutput<'search.query'>
type Hit = SearchResult['groups'][number]['hits'][number]
type Kind = (typeof SEARCH_KINDS)[number]

/** Snippet: no markup (the renderer shows plain text), "…" where the text is cut, about 14 words. */
const SNIPPET = "'', '', '…', 14"

/**
 * Ranking is bm25 over at most this many matches, the most recent first (rowid order): a two-letter prefix matches
 * tens of thousands of tasks in a large commune, and ranking all of them costs ~30 ms for no visible gain.
 */
export const RANKED_CANDIDATES = 2000

/**
 * One statement per kind: the best `@limit` of the candidates by bm25 (matches in a title weigh more than in a
 * description), then the snippet and the row for those only. `@q` is the FTS5 expression built by ftsQuery.
 */
function ranked(fts: string, weights: string, select: string, joins: string): string {
  return `WITH candidates AS MATERIALIZED (
      SELECT rowid AS id, bm25(${fts}${weights}) AS score FROM ${fts} WHERE ${fts} MATCH @q ORDER BY rowid DESC LIMIT ${RANKED_CANDIDATES}),
    top AS MATERIALIZED (SELECT id, score FROM candidates ORDER BY score, id DESC LIMIT @limit)
    SELECT ${select} FROM top CROSS JOIN ${fts} ON ${fts}.rowid = top.id ${joins}
    WHERE ${fts} MATCH @q ORDER BY top.score, top.id DESC`
}

const STATEMENTS: Record<'project' | 'task' | 'comment' | 'person', string> = {
  project: ranked(
    'projects_fts',
    ', 10.0, 1.0',
    `p.id AS id, p.title AS title, snippet(projects_fts, -1, ${SNIPPET}) AS excerpt, NULL AS projectId`,
    'JOIN projects p ON p.id = top.id',
  ),
  task: ranked(
    'tasks_fts',
    ', 10.0, 1.0',
    `t.id AS id, t.title AS title, snippet(tasks_fts, -1, ${SNIPPET}) AS excerpt, t.project_id AS projectId`,
    'JOIN tasks t ON t.id = top.id',
  ),
  comment: ranked(
    'comments_fts',
    '',
    `c.id AS id, pr.title AS title, snippet(comments_fts, 0, ${SNIPPET}) AS excerpt, c.project_id AS projectId`,
    'JOIN comments c ON c.id = top.id JOIN projects pr ON pr.id = c.project_id',
  ),
  person: ranked(
    'members_fts',
    ', 10.0, 10.0, 3.0, 1.0',
    `m.id AS id, m.first_name || ' ' || m.last_name AS title,
      CASE WHEN m.delegation <> '' THEN m.delegation ELSE snippet(members_fts, -1, ${SNIPPET}) END AS excerpt, NULL AS projectId`,
    'JOIN members m ON m.id = top.id',
  ),
}

interface FtsRow {
  id: number
  title: string
  excerpt: string | null
  projectId: number | null
}

function pathOf(kind: keyof typeof STATEMENTS, row: FtsRow): string {
  switch (kind) {
    case 'project':
      return `/projets/${row.id}`
    case 'task':
      return `/projets/${row.projectId}?tache=${row.id}`
    case 'comment':
      return `/projets/${row.projectId}`
    case 'person':
      return '/equipe'
  }
}

export function searchAll(context: Pick<HandlerContext, 'sqlite' | 'referentiel'>, text: string, limit: number): SearchResult {
  const q = ftsQuery(text)
  if (q === null) return { groups: [] }
  const found = new Map<Kind, Hit[]>()
  for (const kind of Object.keys(STATEMENTS) as (keyof typeof STATEMENTS)[]) {
    const rows = prepared(context.sqlite, STATEMENTS[kind]).all({ q, limit }) as FtsRow[]
    found.set(
      kind,
      rows.map((row) => ({
        kind,
        id: String(row.id),
        title: row.title,
        excerpt: (row.excerpt ?? '').replace(/\s+/g, ' ').trim(),
        path: pathOf(kind, row),
      })),
    )
  }
  const { themes, criteria } = searchReferentiel(context.referentiel(), searchTokens(text), limit)
  found.set('theme', themes)
  found.set('criterion', criteria)
  // The contract's order of kinds; empty groups left out.
  return { groups: SEARCH_KINDS.map((kind) => ({ kind, hits: found.get(kind) ?? [] })).filter((g) => g.hits.length > 0) }
}

export const searchHandlers: HandlersOf<'search'> = {
  'search.query': ({ query, limit }, context) => searchAll(context, query, limit),
}
