import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { PollKind, QuestionKind, ResultsVisibility, VerificationLevel } from '../../../../shared/relay/vocabulary'
import { projects } from './projects'

/** One question as stored in `polls.questions` (the ids are the ones the relay and the citizens' answers use). */
export interface StoredQuestion {
  id: string
  kind: QuestionKind
  label: string
  required: boolean
  options: { id: string; label: string }[]
}

/**
 * The commune's polls (sondages) and votes on a project's options, written in the desktop (« Consultations »). The
 * row is the mairie's copy; what the relay shows goes through the outbox (`consultation-<id>`). A withdrawn poll
 * stays here, off the portal, and can be published again; citizens' answers arrive in `poll_answers`.
 */
export const polls = sqliteTable(
  'polls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').$type<PollKind>().notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** For a vote: the project whose options are voted on (kept if the project is removed: the vote happened). */
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'set null' }),
    /** First and last days of the consultation (AAAA-MM-JJ, the commune's time: from 0 h to 23 h 59). */
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    verification: text('verification').$type<VerificationLevel>().notNull(),
    results: text('results').$type<ResultsVisibility>().notNull().default('a_la_cloture'),
    /** JSON array of StoredQuestion. */
    questions: text('questions').notNull(),
    /** Set while the poll is off the portal (« Retirer du portail »). */
    withdrawnAt: text('withdrawn_at'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('polls_opens_on').on(table.opensOn)],
)
