import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { profiles } from './profiles'

/**
 * Every change to every record: who, when, which field, value before and after (JSON).
 * Append-only: no contract method updates or deletes it.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    profileId: integer('profile_id').references(() => profiles.id, { onDelete: 'set null' }),
    /** Kept as text so the author stays readable after the profile is removed. */
    profileName: text('profile_name').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    field: text('field'),
    before: text('before'),
    after: text('after'),
    /**
     * The project a row is about (the project itself or one of its participants, actions, tasks, comments…), to show
     * a project's whole history. Not a foreign key: the trail outlives the project.
     */
    projectId: integer('project_id'),
  },
  (table) => [
    index('audit_log_entity').on(table.entity, table.entityId),
    index('audit_log_at').on(table.at),
    index('audit_log_project').on(table.projectId, table.at),
  ],
)
