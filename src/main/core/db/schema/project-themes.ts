import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { projects } from './projects'

/** The référentiel themes a project belongs to. */
export const projectThemes = sqliteTable(
  'project_themes',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    themeId: text('theme_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.themeId] }), index('project_themes_theme').on(table.themeId)],
)
