/**
 * The audit trail, read-only: the contract has `audit.list` and nothing that changes or deletes a row of it.
 * Each entry comes with its words (shared/audit-labels.ts): the names of the record and of everything its values
 * point to (a task's assignee, an answer's criterion…) are looked up in bulk, one query per kind of record on the
 * page; a record deleted since falls back to the name its last values carried in the trail.
 */
import type Database from 'better-sqlite3'
import { describeAuditEntry, referencesOf, type NameLookup, type ReferenceKind } from '../../../shared/audit-labels'
import { FUNDER_LABELS, type AuditEntry, type ParsedInput } from '../../../shared/contract'
import { formatDate } from '../../../shared/format'
import type { Civility } from '../../../shared/roles'
import { addDays } from '../days'
import type { HandlersOf } from '../handler'
import type { LoadedReferentiel } from '../referentiel/load'

interface AuditRowRaw {
  id: number
  at: string
  profileName: string
  entity: string
  entityId: string
  action: AuditEntry['action']
  field: string | null
  before: string | null
  after: string | null
}

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`
/** The funder's French label (DETR, Région…) in SQL. */
const FUNDER_LABEL_SQL = `CASE funder ${Object.entries(FUNDER_LABELS)
  .map(([code, label]) => `WHEN ${sqlText(code)} THEN ${sqlText(label)}`)
  .join(' ')} ELSE funder END`

/** char(31), between two parts of a label read in one SQL expression. */
const SEPARATOR = '\u001f'

/**
 * Per entity: the table and the SQL expression of a readable name, and how to finish it in words (a date, a criterion
 * from the référentiel). Entities of tables not (yet) there are skipped.
 */
const LABEL_SOURCES: Record<
  string,
  { table: string; label: string; finish?: (raw: string, referentiel: LoadedReferentiel) => string; idColumn?: string }
> = {
  member: { table: 'members', label: "first_name || ' ' || last_name" },
  profile: { table: 'profiles', label: 'display_name' },
  mandate: { table: 'mandates', label: "start_year || '–' || end_year" },
  campaign: { table: 'campaigns', label: 'name' },
  // The criterion answered, in the words of the référentiel.
  answer: { table: 'answers', label: 'criterion_id', finish: (id, loaded) => criterionQuestion(loaded, id) ?? id },
  themeAssignment: {
    table: 'theme_assignments',
    label: `(SELECT m.first_name || ' ' || m.last_name FROM members m WHERE m.id = theme_assignments.member_id) || char(31) || theme_id`,
    finish: (raw, loaded) => {
      const [member, themeId] = raw.split(SEPARATOR) as [string, string]
      return `${member} — ${loaded.themes.get(themeId)?.theme.title ?? themeId}`
    },
  },
  snapshot: { table: 'snapshots', label: 'label' },
  commune: { table: 'commune', label: 'name' },
  citizenInput: { table: 'citizen_inputs', label: 'summary' },
  evidence: { table: 'evidence', label: 'file_name' },
  project: { table: 'projects', label: 'title' },
  task: { table: 'tasks', label: 'title' },
  action: { table: 'project_actions', label: 'title' },
  comment: { table: 'comments', label: 'substr(body, 1, 80)' },
  attachment: { table: 'attachments', label: 'file_name' },
  funding: { table: 'fundings', label: `CASE WHEN label <> '' THEN label ELSE ${FUNDER_LABEL_SQL} END` },
  indicator: { table: 'indicators', label: 'label' },
  measurement: {
    table: 'measurements',
    label: '(SELECT i.label FROM indicators i WHERE i.id = measurements.indicator_id) || char(31) || measured_on',
    finish: (raw) => {
      const [indicator, on] = raw.split(SEPARATOR) as [string, string]
      return `${indicator} — ${formatDate(on)}`
    },
  },
  training: { table: 'trainings', label: 'title' },
  // A project's publication is kept under the project's id.
  publication: { table: 'projects', label: 'title' },
  news: { table: 'news', label: 'title' },
  poll: { table: 'polls', label: 'title' },
  contribution: { table: 'contributions', label: 'coalesce(title, substr(body, 1, 80))' },
  trainingProvider: { table: 'training_providers', label: 'name' },
  // The obligation decided, in the words of the référentiel.
  applicabilityDecision: { table: 'applicability_decisions', label: 'criterion_id', finish: (id, loaded) => criterionQuestion(loaded, id) ?? id },
  // A person's rights are kept under their id, a year's credits under the year.
  trainingRights: { table: 'members', label: "first_name || ' ' || last_name" },
  trainingBudget: { table: 'training_budgets', label: 'CAST(year AS TEXT)', idColumn: 'year' },
  participant: {
    table: 'project_participants',
    label: "coalesce((SELECT m.first_name || ' ' || m.last_name FROM members m WHERE m.id = project_participants.member_id), name)",
  },
}

function criterionQuestion(loaded: LoadedReferentiel, id: string): string | null {
  return loaded.criteria.get(id)?.criterion.question ?? null
}

/** Names of what lives in the référentiel rather than in a table. */
function referentielName(loaded: LoadedReferentiel, kind: ReferenceKind, id: string): string | null {
  if (kind === 'criterion') return criterionQuestion(loaded, id)
  if (kind === 'theme') return loaded.themes.get(id)?.theme.title ?? null
  if (kind === 'domain') return loaded.referentiel.domains.find((d) => d.id === id)?.title ?? null
  return null
}

function parseJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * A name carried by the values themselves (for records deleted since); `memberName` names the person a theme link
 * was about.
 */
function labelFromValues(entity: string, values: unknown, loaded: LoadedReferentiel, memberName: (id: number) => string): string | null {
  if (!values || typeof values !== 'object') return null
  const v = values as Record<string, unknown>
  if ((entity === 'answer' || entity === 'applicabilityDecision') && typeof v.criterionId === 'string')
    return criterionQuestion(loaded, v.criterionId) ?? v.criterionId
  if (entity === 'measurement' && typeof v.measuredOn === 'string') return `Mesure du ${formatDate(v.measuredOn)}`
  if (entity === 'mandate' && typeof v.startYear === 'number') return `${v.startYear}–${String(v.endYear ?? '')}`
  if (entity === 'themeAssignment' && typeof v.memberId === 'number' && typeof v.themeId === 'string')
    return `${memberName(v.memberId)} — ${loaded.themes.get(v.themeId)?.theme.title ?? v.themeId}`
  if (entity === 'funding' && v.label === '' && typeof v.funder === 'string') return FUNDER_LABELS[v.funder as keyof typeof FUNDER_LABELS] ?? null
  if (entity === 'comment' && typeof v.body === 'string') return v.body.slice(0, 80)
  for (const key of ['title', 'label', 'name', 'displayName', 'fileName', 'summary']) {
    if (typeof v[key] === 'string' && v[key] !== '') return v[key]
  }
  if (typeof v.firstName === 'string' || typeof v.lastName === 'string') return `${String(v.firstName ?? '')} ${String(v.lastName ?? '')}`.trim()
  return null
}

function existingTables(sqlite: Database.Database): Set<string> {
  const rows = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  return new Set(rows.map((r) => r.name))
}

/**
 * Readable names of records, one query per kind: `wanted` maps a kind (an entity of the trail) to ids. A record
 * deleted since is named by the values its last whole-record row (creation or deletion) carried.
 */
function lookUpLabels(sqlite: Database.Database, loaded: LoadedReferentiel, wanted: Map<string, Set<string>>): Map<string, string> {
  const labels = new Map<string, string>()
  const tables = existingTables(sqlite)
  const member = sqlite.prepare("SELECT first_name || ' ' || last_name AS name FROM members WHERE id = ?")
  const memberName = (id: number) => (member.get(id) as { name: string } | undefined)?.name ?? 'Une personne retirée de l’équipe'
  for (const [entity, ids] of wanted) {
    const source = LABEL_SOURCES[entity]
    if (!source || !tables.has(source.table)) continue
    const numeric = [...ids].map(Number).filter(Number.isInteger)
    const found = sqlite
      .prepare(
        `SELECT ${source.idColumn ?? 'id'} AS id, ${source.label} AS label FROM "${source.table}"
         WHERE ${source.idColumn ?? 'id'} IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(numeric)) as { id: number; label: string | null }[]
    for (const { id, label } of found) if (label) labels.set(`${entity}:${id}`, source.finish ? source.finish(label, loaded) : label)
  }
  for (const [entity, ids] of wanted) {
    if (!Object.hasOwn(LABEL_SOURCES, entity)) continue
    const missing = [...ids].filter((id) => !labels.has(`${entity}:${id}`))
    if (missing.length === 0) continue
    const rows = sqlite
      .prepare(
        `SELECT entity_id AS entityId, coalesce(before, after) AS vals FROM audit_log
         WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?)) AND field IS NULL ORDER BY id DESC`,
      )
      .all(entity, JSON.stringify(missing)) as { entityId: string; vals: string | null }[]
    for (const row of rows) {
      const key = `${entity}:${row.entityId}`
      if (labels.has(key)) continue
      const label = labelFromValues(entity, parseJson(row.vals), loaded, memberName)
      if (label) labels.set(key, label)
    }
  }
  return labels
}

/** The civility of the people on the page, for the feminine of their roles (from the trail for those gone since). */
function civilities(sqlite: Database.Database, ids: Set<string>): Map<string, Civility | null> {
  const found = new Map<string, Civility | null>()
  const rows = sqlite
    .prepare('SELECT id, civility FROM members WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...ids].map(Number))) as { id: number; civility: Civility | null }[]
  for (const row of rows) found.set(String(row.id), row.civility)
  const gone = [...ids].filter((id) => !found.has(id))
  if (gone.length > 0) {
    const trail = sqlite
      .prepare(
        `SELECT entity_id AS id, json_extract(coalesce(before, after), '$.civility') AS civility FROM audit_log
         WHERE entity = 'member' AND field IS NULL AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`,
      )
      .all(JSON.stringify(gone)) as { id: string; civility: Civility | null }[]
    for (const row of trail) if (!found.has(row.id)) found.set(row.id, row.civility)
  }
  return found
}

function add(wanted: Map<string, Set<string>>, kind: string, id: string): void {
  const ids = wanted.get(kind) ?? new Set<string>()
  ids.add(id)
  wanted.set(kind, ids)
}

export function listAudit(
  sqlite: Database.Database,
  loaded: LoadedReferentiel,
  input: ParsedInput<'audit.list'>,
): { items: AuditEntry[]; total: number } {
  const where: string[] = []
  const params: Record<string, string | number> = {}
  if (input.entity !== null) {
    where.push('entity = @entity')
    params.entity = input.entity
  }
  if (input.projectId !== null) {
    // The project's own rows, and everything written about its actions, tasks, comments… (audit_log.project_id).
    where.push("(project_id = @projectId OR (entity = 'project' AND entity_id = @projectIdText))")
    params.projectId = input.projectId
    params.projectIdText = String(input.projectId)
  }
  if (input.profileName !== null) {
    where.push('profile_name = @profileName')
    params.profileName = input.profileName
  }
  // `at` is an ISO timestamp: from the first instant of `from` to the last of `to`, both days included.
  if (input.from !== null) {
    where.push('at >= @from')
    params.from = input.from
  }
  if (input.to !== null) {
    where.push('at < @to')
    params.to = addDays(input.to, 1)
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const { total } = sqlite.prepare(`SELECT count(*) AS total FROM audit_log ${clause}`).get(params) as { total: number }
  const rows = sqlite
    .prepare(
      `SELECT id, at, profile_name AS profileName, entity, entity_id AS entityId, action, field, before, after
       FROM audit_log ${clause} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as AuditRowRaw[]
  const parsed = rows.map((row) => ({ ...row, before: parseJson(row.before), after: parseJson(row.after) }))
  // Everything the page names, looked up in one go: the records themselves and what their values point to.
  const wanted = new Map<string, Set<string>>()
  for (const row of parsed) {
    add(wanted, row.entity, row.entityId)
    for (const { kind, id } of referencesOf(row)) add(wanted, kind, id)
  }
  const labels = lookUpLabels(sqlite, loaded, wanted)
  const names: NameLookup = (kind, id) => labels.get(`${kind}:${id}`) ?? referentielName(loaded, kind, id)
  const civility = civilities(sqlite, wanted.get('member') ?? new Set())
  const items = parsed.map((row): AuditEntry => {
    const memberName = (id: number) => names('member', String(id)) ?? 'Une personne retirée de l’équipe'
    const label =
      labels.get(`${row.entity}:${row.entityId}`) ??
      labelFromValues(row.entity, row.after, loaded, memberName) ??
      labelFromValues(row.entity, row.before, loaded, memberName)
    return {
      id: row.id,
      at: row.at,
      profileName: row.profileName,
      entity: row.entity,
      entityId: row.entityId,
      label,
      action: row.action,
      field: row.field,
      before: row.before,
      after: row.after,
      display: describeAuditEntry(row, names, {
        objectLabel: label,
        civility: row.entity === 'member' ? civility.get(row.entityId) : undefined,
        implied: input.projectId !== null ? ['projectId'] : [],
      }),
    }
  })
  return { items, total }
}

export const auditHandlers: HandlersOf<'audit'> = {
  'audit.list': (input, { sqlite, referentiel }) => listAudit(sqlite, referentiel(), input),
}
