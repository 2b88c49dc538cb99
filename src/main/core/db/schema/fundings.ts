import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { FUNDERS, FUNDING_STATUSES } from '../../../../shared/contract/fundings'
import { projects } from './projects'

/** Subsidies asked for a project (DETR, DSIL, région…), amounts in euro cents. */
export const fundings = sqliteTable(
  'fundings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    funder: text('funder').$type<(typeof FUNDERS)[number]>().notNull(),
    label: text('label').notNull().default(''),
    requestedCents: integer('requested_cents').notNull(),
    obtainedCents: integer('obtained_cents'),
    status: text('status').$type<(typeof FUNDING_STATUSES)[number]>().notNull(),
    requestedOn: text('requested_on'),
    decidedOn: text('decided_on'),
  },
  (table) => [index('fundings_project').on(table.projectId)],
)
