import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { TaskStatus } from '../../../../shared/contract/tasks'
import { members } from './members'
import { projectActions } from './project-actions'
import { projects } from './projects'

/** The tasks of a project, optionally under one of its actions. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    actionId: integer('action_id').references(() => projectActions.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    assigneeMemberId: integer('assignee_member_id').references(() => members.id, { onDelete: 'set null' }),
    dueOn: text('due_on'),
    status: text('status').$type<TaskStatus>().notNull(),
    /** JSON: `[{ label, done }]`. */
    checklist: text('checklist').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
    /** Set when the status becomes « faite », cleared when it leaves it. */
    completedAt: text('completed_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('tasks_assignee').on(table.assigneeMemberId, table.status, table.dueOn),
    // « Mes tâches »: a person's open tasks in due-date order, so a page of the most urgent stops early.
    index('tasks_assignee_open_due')
      .on(table.assigneeMemberId, table.dueOn)
      .where(sql`${table.status} <> 'faite'`),
    // Covers the per-project counts of projects.list (progress, open, overdue).
    index('tasks_project').on(table.projectId, table.status, table.dueOn),
    index('tasks_action').on(table.actionId),
    index('tasks_status_due').on(table.status, table.dueOn),
  ],
)
