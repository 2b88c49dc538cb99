/**
 * The audit trail, read-only: the contract has `audit.list` and nothing that changes or deletes a row of it.
 * Labels (a project's title, a person's name…) are looked up in bulk, one query per kind of record on the page;
 * a record deleted since falls back to the name its last values carried in the trail.
 */
import type Database from 'better-sqlite3'
import { FUNDER_LABELS, type AuditEntry, type ParsedInput } from '../../../shared/contract'
import type { HandlersOf } from '../handler'

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

/** Per entity: the table and the SQL expression of a readable name. Entities of tables not (yet) there are skipped. */
const LABEL_SOURCES: Record<string, { table: string; label: string }> = {
  member: { table: 'members', label: "first_name || ' ' || last_name" },
  profile: { table: 'profiles', label: 'display_name' },
  campaign: { table: 'campaigns', label: 'name' },
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
  measurement: { table: 'measurements', label: "(SELECT i.label FROM indicators i WHERE i.id = measurements.indicator_id) || ' — ' || measured_on" },
  participant: {
    table: 'project_participants',
    label: "coalesce((SELECT m.first_name || ' ' || m.last_name FROM members m WHERE m.id = project_participants.member_id), name)",
  },
}

function parseJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** A name carried by the values themselves (for records deleted since). */
function labelFromValues(values: unknown): string | null {
  if (!values || typeof values !== 'object') return null
  const v = values as Record<string, unknown>
  for (const key of ['title', 'label', 'name', 'displayName', 'fileName', 'summary']) {
    if (typeof v[key] === 'string' && v[key] !== '') return v[key]
  }
  if (typeof v.firstName === 'string' || typeof v.lastName === 'string') return `${String(v.firstName ?? '')} ${String(v.lastName ?? '')}`.trim()
  return null
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

function existingTables(sqlite: Database.Database): Set<string> {
  const rows = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  return new Set(rows.map((r) => r.name))
}

/** Readable names of every record on the page, one query per entity kind. */
function lookUpLabels(sqlite: Database.Database, rows: AuditRowRaw[]): Map<string, string> {
  const byEntity = new Map<string, Set<number>>()
  for (const row of rows) {
    const id = Number(row.entityId)
    if (!Number.isInteger(id) || !Object.hasOwn(LABEL_SOURCES, row.entity)) continue
    const ids = byEntity.get(row.entity) ?? new Set<number>()
    ids.add(id)
    byEntity.set(row.entity, ids)
  }
  const labels = new Map<string, string>()
  if (byEntity.size === 0) return labels
  const tables = existingTables(sqlite)
  for (const [entity, ids] of byEntity) {
    const source = LABEL_SOURCES[entity]!
    if (!tables.has(source.table)) continue
    const found = sqlite
      .prepare(`SELECT id, ${source.label} AS label FROM "${source.table}" WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...ids])) as { id: number; label: string | null }[]
    for (const { id, label } of found) if (label) labels.set(`${entity}:${id}`, label)
  }
  // Records deleted since: the name their last whole-record row (creation or deletion) carried, one query per kind.
  for (const [entity, ids] of byEntity) {
    const missing = [...ids].filter((id) => !labels.has(`${entity}:${id}`))
    if (missing.length === 0) continue
    const rows = sqlite
      .prepare(
        `SELECT entity_id AS entityId, coalesce(before, after) AS vals FROM audit_log
         WHERE entity = ? AND entity_id IN (SELECT CAST(value AS TEXT) FROM json_each(?)) AND field IS NULL ORDER BY id DESC`,
      )
      .all(entity, JSON.stringify(missing)) as { entityId: string; vals: string | null }[]
    for (const row of rows) {
      const key = `${entity}:${row.entityId}`
      if (labels.has(key)) continue
      const label = labelFromValues(parseJson(row.vals))
      if (label) labels.set(key, label)
    }
  }
  return labels
}

export function listAudit(sqlite: Database.Database, input: ParsedInput<'audit.list'>): { items: AuditEntry[]; total: number } {
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
    params.to = nextDay(input.to)
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const { total } = sqlite.prepare(`SELECT count(*) AS total FROM audit_log ${clause}`).get(params) as { total: number }
  const rows = sqlite
    .prepare(
      `SELECT id, at, profile_name AS profileName, entity, entity_id AS entityId, action, field, before, after
       FROM audit_log ${clause} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as AuditRowRaw[]
  const labels = lookUpLabels(sqlite, rows)
  const items = rows.map((row): AuditEntry => {
    const before = parseJson(row.before)
    const after = parseJson(row.after)
    return {
      id: row.id,
      at: row.at,
      profileName: row.profileName,
      entity: row.entity,
      entityId: row.entityId,
      label: labels.get(`${row.entity}:${row.entityId}`) ?? labelFromValues(after) ?? labelFromValues(before),
      action: row.action,
      field: row.field,
      before,
      after,
    }
  })
  return { items, total }
}

export const auditHandlers: HandlersOf<'audit'> = {
  'audit.list': (input, { sqlite }) => listAudit(sqlite, input),
}
