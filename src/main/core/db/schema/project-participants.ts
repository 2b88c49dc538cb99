import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { members } from './members'
import { projects } from './projects'

/** People taking part in a project: a member of the team, or someone from outside (member_id null). */
export const projectParticipants = sqliteTable(
  'project_participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').references(() => members.id, { onDelete: 'set null' }),
    /** Kept so the participant stays readable after the member leaves the team. */
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
  },
  (table) => [index('project_participants_project').on(table.projectId), index('project_participants_member').on(table.memberId)],
)
