import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { projects } from './projects'
import { tasks } from './tasks'

/**
 * A file attached to a project (or one of its tasks). The bytes live in `<dataDir>/pieces-jointes/<sha256>`, the
 * store shared with the diagnostic's evidence (one file per content).
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The task it was attached to; the file stays on the project when the task is removed. */
    taskId: integer('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (table) => [
    index('attachments_project').on(table.projectId),
    index('attachments_task').on(table.taskId),
    index('attachments_sha256').on(table.sha256),
  ],
)
