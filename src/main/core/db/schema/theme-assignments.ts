import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { members } from './members'

/** Which élu covers which theme of the référentiel: by délégation, or out of interest. */
export const themeAssignments = sqliteTable(
  'theme_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** Theme id of the référentiel (not a foreign key: the référentiel is a file). */
    themeId: text('theme_id').notNull(),
    link: text('link', { enum: ['delegation', 'interet'] }).notNull(),
  },
  (table) => [uniqueIndex('theme_assignments_member_theme').on(table.memberId, table.themeId)],
)
