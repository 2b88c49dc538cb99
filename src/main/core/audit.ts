import type { Db } from './db/open'
import { auditLog } from './db/schema'

/** Who signs the rows: the signed-in profile (an `Actor` is one). */
export interface AuditAuthor {
  profileId: number
  displayName: string
}

type Row = Record<string, unknown>

/** Fields that change on every write and say nothing to the reader of the trail. */
const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'passwordHash'])

function serialize(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

function withoutIgnored(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !IGNORED_FIELDS.has(key)))
}

/**
 * Appends to the audit trail; call inside the transaction that makes the change.
 * A trail scoped with `forProject` stamps every row with the project id (`audit_log.project_id`), so the history
 * of a project gathers the project and all its children (participants, actions, tasks, comments, attachments…).
 */
export class AuditTrail {
  constructor(
    private readonly db: Db,
    private readonly author: AuditAuthor,
    private readonly at: string,
    /** The project the rows are about, or null outside projects. */
    readonly projectId: number | null = null,
  ) {}

  /** The same author and time, every row stamped with `projectId`. */
  forProject(projectId: number): AuditTrail {
    return new AuditTrail(this.db, this.author, this.at, projectId)
  }

  private insert(
    entity: string,
    entityId: string | number,
    action: 'create' | 'update' | 'delete',
    field: string | null,
    before: unknown,
    after: unknown,
  ) {
    this.db
      .insert(auditLog)
      .values({
        at: this.at,
        profileId: this.author.profileId,
        profileName: this.author.displayName,
        entity,
        entityId: String(entityId),
        action,
        field,
        before: serialize(before),
        after: serialize(after),
        projectId: this.projectId,
      })
      .run()
  }

  created(entity: string, entityId: string | number, values: Row): void {
    this.insert(entity, entityId, 'create', null, null, withoutIgnored(values))
  }

  /** One row per field whose value changed. */
  updated(entity: string, entityId: string | number, before: Row, after: Row): void {
    for (const [field, value] of Object.entries(withoutIgnored(after))) {
      if (JSON.stringify(before[field] ?? null) !== JSON.stringify(value ?? null)) {
        this.insert(entity, entityId, 'update', field, before[field], value)
      }
    }
  }

  deleted(entity: string, entityId: string | number, before: Row): void {
    this.insert(entity, entityId, 'delete', null, withoutIgnored(before), null)
  }
}
