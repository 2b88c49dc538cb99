import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { TRAINING_FUNDINGS, TRAINING_MODES, TRAINING_STATUSES } from '../../../../shared/contract/training'
import { members } from './members'

/** The organismes the commune works with for the training of its élus (with their ministry agrément). */
export const trainingProviders = sqliteTable('training_providers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  approved: integer('approved', { mode: 'boolean' }).notNull().default(false),
  approvalNumber: text('approval_number').notNull().default(''),
  contact: text('contact').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})

/**
 * One training of one élu, from the wish to the attestation. Amounts in euro cents. The attestation's bytes live in
 * `<dataDir>/pieces-jointes/<sha256>`, the store shared with project documents and the diagnostic's evidence.
 */
export const trainings = sqliteTable(
  'trainings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Unlinked (not deleted) when the organisme is removed from the list. */
    providerId: integer('provider_id').references(() => trainingProviders.id, { onDelete: 'set null' }),
    startOn: text('start_on'),
    endOn: text('end_on'),
    durationHours: real('duration_hours'),
    mode: text('mode').$type<(typeof TRAINING_MODES)[number]>().notNull(),
    domainId: text('domain_id'),
    costCents: integer('cost_cents').notNull().default(0),
    funding: text('funding').$type<(typeof TRAINING_FUNDINGS)[number]>().notNull(),
    travelCents: integer('travel_cents').notNull().default(0),
    lostIncomeCents: integer('lost_income_cents').notNull().default(0),
    leaveDays: real('leave_days').notNull().default(0),
    status: text('status').$type<(typeof TRAINING_STATUSES)[number]>().notNull(),
    notes: text('notes').notNull().default(''),
    sourceThemeId: text('source_theme_id'),
    sourceCriterionId: text('source_criterion_id'),
    attestationFileName: text('attestation_file_name'),
    attestationMimeType: text('attestation_mime_type'),
    attestationSize: integer('attestation_size'),
    attestationSha256: text('attestation_sha256'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('trainings_member').on(table.memberId),
    index('trainings_start').on(table.startOn),
    index('trainings_attestation').on(table.attestationSha256),
  ],
)

/** What an élu declares about their rights: employee or not (training leave), the DIF balance read on Mon compte élu. */
export const trainingRights = sqliteTable('training_rights', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  isEmployee: integer('is_employee', { mode: 'boolean' }).notNull().default(false),
  difBalanceCents: integer('dif_balance_cents'),
  difBalanceOn: text('dif_balance_on'),
  updatedAt: text('updated_at').notNull(),
})

/** The training credits the council voted for a year (and, for the first year followed here, the carry-over it had). */
export const trainingBudgets = sqliteTable('training_budgets', {
  year: integer('year').primaryKey(),
  votedCents: integer('voted_cents'),
  openingCarryCents: integer('opening_carry_cents'),
  updatedAt: text('updated_at').notNull(),
})
