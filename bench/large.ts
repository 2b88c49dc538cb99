/**
 * (e) A large commune (bench/generate.ts: 2,000 projects, 50,000 tasks, 20,000 comments, 200,000 audit rows):
 * the screens that read across projects, through core.invoke, each against a raw SQL read of the same data in the
 * same run — dashboard.get, search.query (20 different queries, p95), a page of projects.list, « Mes tâches » of one
 * person (tasks.forMember: a page of 50, of 500, with the done tasks, and all at once), a page of audit.list.
 * Targets are printed, never asserted.
 */
import type Database from 'better-sqlite3'
import { ftsQuery } from '../src/main/core/search/fts'
import type { TempDirs } from '../src/main/core/testing'
import { generateLargeCommune, type LargeCommune } from './generate'
import { summarize, timeAsyncNs, timeNs, type Row } from './measure'

/** Target medians (p95 for search), in ms: what the dashboard and Ctrl+K must feel like. */
export const LARGE_COMMUNE_TARGETS = { 'dashboard.get': 50, 'search.query (p95)': 30, 'projects.list': 20, 'tasks.forMember': 20 } as const

const WARM_UP = 20
const ITERATIONS = 200

/** What people type in Ctrl+K: names, places, half-typed words, several words, accents or not. */
export const SEARCH_QUERIES = [
  'ecole',
  'École maternelle',
  'salle des fê',
  'devis',
  'cimetière',
  'voirie',
  'réfection route',
  'enedis',
  'préfecture dossier',
  'bernard',
  'claire',
  'subvention',
  'accessibilite pmr',
  'lav',
  'eclairage public',
  'cantine',
  'riverains réunion',
  'gymnase',
  'budget',
  'de',
]

interface Pair {
  raw: () => unknown
  invoke: () => Promise<unknown>
}

async function measure(label: string, rawLabel: string, pairs: Pair[], iterations = ITERATIONS): Promise<Row[]> {
  const raw: number[] = []
  const invoke: number[] = []
  for (let i = 0; i < WARM_UP + iterations; i++) {
    const pair = pairs[i % pairs.length]!
    // Alternate so both see the same machine state.
    const r = timeNs(pair.raw)
    const v = await timeAsyncNs(pair.invoke)
    if (i >= WARM_UP) {
      raw.push(r)
      invoke.push(v)
    }
  }
  const baseline = summarize(rawLabel, raw)
  return [baseline, summarize(label, invoke, baseline)]
}

function checked(commune: LargeCommune) {
  const { core, session } = commune.test
  return async (method: string, input: unknown) => {
    const result = await core.invoke(method, input, session)
    if (!result.ok) throw new Error(`${method} a échoué : ${JSON.stringify(result.error)}`)
    return result.value
  }
}

export async function benchLargeCommune(
  tempDirs: TempDirs,
): Promise<{ rows: Row[]; info: LargeCommune['counts'] & { generationMs: number; searchQueries: number } }> {
  const commune = await generateLargeCommune({ dataDir: tempDirs.make() })
  const sqlite: Database.Database = commune.test.core.database.sqlite
  const invoke = checked(commune)
  const today = new Date().toISOString().slice(0, 10)
  const rows: Row[] = []
  try {
    // dashboard.get: against the raw aggregates of the same data (counts and budgets by status, overdue tasks).
    const rawCounts = sqlite.prepare(
      'SELECT status, count(*) AS n, sum(budget_planned_cents) AS planned, sum(budget_committed_cents) AS committed, sum(budget_spent_cents) AS spent FROM projects GROUP BY status',
    )
    const rawOverdue = sqlite.prepare("SELECT count(*) AS n FROM tasks WHERE status IN ('a_faire', 'en_cours', 'bloquee') AND due_on < ?")
    rows.push(
      ...(await measure('dashboard.get — core.invoke (cible < 50 ms)', 'tableau de bord — agrégats SQL bruts', [
        { raw: () => [rawCounts.all(), rawOverdue.get(today)], invoke: () => invoke('dashboard.get', {}) },
      ])),
    )

    // search.query: 20 different queries, against unranked MATCH of the same words on the four indexes.
    const rawMatch = ['projects_fts', 'tasks_fts', 'comments_fts', 'members_fts'].map((fts) =>
      sqlite.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT 8`),
    )
    rows.push(
      ...(await measure(
        `search.query — core.invoke, ${SEARCH_QUERIES.length} requêtes (cible p95 < 30 ms)`,
        'recherche — MATCH brut sans classement',
        SEARCH_QUERIES.map((query) => {
          const q = ftsQuery(query)
          return { raw: () => (q === null ? [] : rawMatch.map((s) => s.all(q))), invoke: () => invoke('search.query', { query }) }
        }),
        SEARCH_QUERIES.length * 20,
      )),
    )

    // projects.list: the first pages of the default sort and a filtered page, against the raw page read.
    const rawPage = sqlite.prepare('SELECT * FROM projects ORDER BY updated_at DESC LIMIT 25 OFFSET ?')
    rows.push(
      ...(await measure('projects.list (une page de 25) — core.invoke (cible < 20 ms)', 'page de projets — SQL brut', [
        { raw: () => rawPage.all(0), invoke: () => invoke('projects.list', {}) },
        { raw: () => rawPage.all(25), invoke: () => invoke('projects.list', { page: 2 }) },
        { raw: () => rawPage.all(0), invoke: () => invoke('projects.list', { status: ['en_cours'], sort: 'priority' }) },
      ])),
    )

    // tasks.forMember: « Mes tâches » of the busiest person (~2,000 of the 50,000 tasks, ~1,300 open): the first page
    // of 50 with the counts, against the raw read of the same page and counts; then after « Afficher plus » nine
    // times (500), with the done tasks, and every open task at once (what the page used to read).
    const member = (
      sqlite
        .prepare(
          'SELECT assignee_member_id AS id FROM tasks WHERE assignee_member_id IS NOT NULL GROUP BY assignee_member_id ORDER BY count(*) DESC LIMIT 1',
        )
        .get() as { id: number }
    ).id
    const rawMine = sqlite.prepare("SELECT * FROM tasks WHERE assignee_member_id = ? AND status <> 'faite' ORDER BY due_on LIMIT ?")
    const rawMineAll = sqlite.prepare('SELECT * FROM tasks WHERE assignee_member_id = ? ORDER BY due_on LIMIT ?')
    const rawMineCount = sqlite.prepare(
      "SELECT count(*) AS n, sum(due_on < ?) AS overdue, sum(due_on IS NULL) AS undated FROM tasks WHERE assignee_member_id = ? AND status <> 'faite'",
    )
    const rawMineCountAll = sqlite.prepare('SELECT count(*) AS n, sum(due_on IS NULL) AS undated FROM tasks WHERE assignee_member_id = ?')
    rows.push(
      ...(await measure(
        'tasks.forMember (les 50 plus urgentes + totaux) — core.invoke (cible < 20 ms)',
        'tâches d’une personne, 50 + totaux — SQL brut',
        [{ raw: () => [rawMine.all(member, 50), rawMineCount.get(today, member)], invoke: () => invoke('tasks.forMember', { memberId: member }) }],
      )),
      ...(await measure('tasks.forMember (500, après « Afficher plus » ×9) — core.invoke', 'tâches d’une personne, 500 + totaux — SQL brut', [
        {
          raw: () => [rawMine.all(member, 500), rawMineCount.get(today, member)],
          invoke: () => invoke('tasks.forMember', { memberId: member, limit: 500 }),
        },
      ])),
      ...(await measure(
        'tasks.forMember (50, tâches faites comprises) — core.invoke',
        'tâches d’une personne, faites comprises, 50 + totaux — SQL brut',
        [
          {
            raw: () => [rawMineAll.all(member, 50), rawMineCountAll.get(member)],
            invoke: () => invoke('tasks.forMember', { memberId: member, includeDone: true }),
          },
        ],
      )),
      ...(await measure('tasks.forMember (toutes les tâches ouvertes) — core.invoke', 'toutes les tâches ouvertes d’une personne — SQL brut', [
        {
          raw: () => [rawMine.all(member, 5000), rawMineCount.get(today, member)],
          invoke: () => invoke('tasks.forMember', { memberId: member, limit: 5000 }),
        },
      ])),
    )

    // audit.list: the newest page of 200,000 rows, and one project's history.
    const rawAudit = sqlite.prepare('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT 50')
    const rawProjectAudit = sqlite.prepare('SELECT * FROM audit_log WHERE project_id = ? ORDER BY at DESC, id DESC LIMIT 50')
    rows.push(
      ...(await measure('audit.list (une page de 50) — core.invoke', 'journal — SQL brut', [
        { raw: () => rawAudit.all(), invoke: () => invoke('audit.list', {}) },
        { raw: () => rawProjectAudit.all(42), invoke: () => invoke('audit.list', { projectId: 42 }) },
      ])),
    )
  } finally {
    commune.test.core.close()
  }
  return { rows, info: { ...commune.counts, generationMs: commune.generationMs, searchQueries: SEARCH_QUERIES.length } }
}
