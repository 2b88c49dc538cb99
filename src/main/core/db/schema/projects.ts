import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Priority, ProjectStatus } from '../../../../shared/contract/projects'
import { members } from './members'

/** The council's projects. Money is kept in euro cents (integers): totals must be exact. */
export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** A domain of the référentiel (`gouvernance`, `services`…), or null. */
    domainId: text('domain_id'),
    status: text('status').$type<ProjectStatus>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    referentMemberId: integer('referent_member_id').references(() => members.id, { onDelete: 'set null' }),
    startOn: text('start_on'),
    endOn: text('end_on'),
    budgetPlannedCents: integer('budget_planned_cents').notNull().default(0),
    budgetCommittedCents: integer('budget_committed_cents').notNull().default(0),
    budgetSpentCents: integer('budget_spent_cents').notNull().default(0),
    createdAt: text('created_at').notNull(),
    /** The display name of the profile that created it, kept as text like the audit trail. */
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('projects_status').on(table.status),
    index('projects_updated_at').on(table.updatedAt),
    index('projects_referent').on(table.referentMemberId),
    index('projects_domain').on(table.domainId),
    index('projects_end_on').on(table.endOn),
  ],
)
