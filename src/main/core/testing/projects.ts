/** Helpers for the tests of the project handlers (not imported by the application). */
import type Database from 'better-sqlite3'
import type { MethodInput } from '../../../shared/contract'
import { ok, type TestCore } from '../testing'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'

/** Monday 4 May 2026, noon in Paris. */
export const NOW = '2026-05-04T10:00:00.000Z'
export const TODAY = '2026-05-04'
export const PROJECT_CORE_OPTIONS = { now: () => new Date(NOW), referentielFile: FIXTURE_REFERENTIEL_FILE }

export async function memberId({ core, session }: TestCore, lastName: string): Promise<number> {
  const found = (await ok(core, session, 'members.list')).find((m) => m.lastName === lastName)
  if (!found) throw new Error(`Pas de membre ${lastName}`)
  return found.id
}

export async function createProject(test: TestCore, input: Partial<MethodInput<'projects.create'>> = {}) {
  return ok(test.core, test.session, 'projects.create', { title: 'Rénovation de la cantine', ...input })
}

export interface ProjectAuditRow {
  profileName: string
  entity: string
  entityId: string
  action: string
  field: string | null
  before: unknown
  after: unknown
  projectId: number | null
}

/** Audit rows (oldest first), before/after parsed; only those of `projectId` when given. */
export function projectAudit(sqlite: Database.Database, where: { projectId?: number; entity?: string } = {}): ProjectAuditRow[] {
  const rows = sqlite
    .prepare(
      `SELECT profile_name AS profileName, entity, entity_id AS entityId, action, field, before, after, project_id AS projectId
       FROM audit_log WHERE (@projectId IS NULL OR project_id = @projectId) AND (@entity IS NULL OR entity = @entity) ORDER BY id`,
    )
    .all({ projectId: where.projectId ?? null, entity: where.entity ?? null }) as (ProjectAuditRow & {
    before: string | null
    after: string | null
  })[]
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }))
}

export function count(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
}
