import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { projects } from './projects'

/** The steps of a project (études, consultation, travaux…), in their order. */
export const projectActions = sqliteTable(
  'project_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startOn: text('start_on'),
    dueOn: text('due_on'),
    status: text('status', { enum: ['a_faire', 'en_cours', 'fait'] }).notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (table) => [index('project_actions_project').on(table.projectId, table.sortOrder)],
)
