import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { profiles } from './profiles'
import { projects } from './projects'
import { tasks } from './tasks'

/** Comments on a project or on one of its tasks. */
export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    taskId: integer('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    /** Kept as text so the author stays readable after the profile is removed. */
    authorName: text('author_name').notNull(),
    authorProfileId: integer('author_profile_id').references(() => profiles.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('comments_project').on(table.projectId, table.createdAt), index('comments_task').on(table.taskId)],
)
