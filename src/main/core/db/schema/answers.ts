import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { AnswerStatus } from '../../../../shared/contract/answers'
import { campaigns } from './campaigns'

/** The council's answer to one criterion in one campaign. */
export const answers = sqliteTable(
  'answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** Criterion id of the référentiel. */
    criterionId: text('criterion_id').notNull(),
    status: text('status').$type<AnswerStatus>().notNull(),
    /** JSON {done, programmed, notDone} for a "partiel" answer, else null. */
    split: text('split'),
    comment: text('comment').notNull().default(''),
    answeredBy: text('answered_by').notNull(),
    answeredAt: text('answered_at').notNull(),
  },
  (table) => [uniqueIndex('answers_campaign_criterion').on(table.campaignId, table.criterionId)],
)
