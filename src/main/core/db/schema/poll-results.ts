import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { polls } from './polls'

/**
 * The paper ballots of a poll or vote, entered by the mairie (bulletins déposés en mairie, urne lors d'une réunion
 * publique): how many were received, then, in `paper_counts`, how many chose each option. Added to the online answers
 * and always shown apart from them. One row per poll at most; removed with its poll.
 */
export const paperBallots = sqliteTable('paper_ballots', {
  pollId: integer('poll_id')
    .primaryKey()
    .references(() => polls.id, { onDelete: 'cascade' }),
  /** Paper ballots received (each one counts once in the participation, even if blank). */
  ballots: integer('ballots').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
})

/** How many paper ballots chose one option of one choice question (the ids are the poll's, see StoredQuestion). */
export const paperCounts = sqliteTable(
  'paper_counts',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => paperBallots.pollId, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    optionId: text('option_id').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.pollId, table.questionId, table.optionId] })],
)
