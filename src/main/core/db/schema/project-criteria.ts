import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { projects } from './projects'

/** The diagnostic criteria (often weaknesses) a project answers. */
export const projectCriteria = sqliteTable(
  'project_criteria',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.criterionId] }), index('project_criteria_criterion').on(table.criterionId)],
)
