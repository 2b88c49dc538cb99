import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { projects } from './projects'

/** What a project is measured by (consumption, attendance…), with an optional target. */
export const indicators = sqliteTable(
  'indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    unit: text('unit').notNull().default(''),
    targetValue: real('target_value'),
    lowerIsBetter: integer('lower_is_better', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [index('indicators_project').on(table.projectId)],
)
