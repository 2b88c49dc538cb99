/**
 * The relay's PostgreSQL schema (drizzle pg-core). Every row of a commune carries its INSEE code and every query is
 * scoped by it. SQL kept to what PostgreSQL 15 (Debian) and 18 (PGlite) both accept. Secrets are stored as SHA-256
 * hashes (`*_hash`), never in clear. Migrations: `npm run relay:db:generate -- --name <what>` (drizzle.relay.config.ts).
 */
import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const createdAt = () => at('created_at').notNull().defaultNow()

/** The tenant of a row: every query is scoped by it. */
const communeRef = () =>
  text('commune_code')
    .notNull()
    .references(() => communes.code)

export const communes = pgTable('communes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  population: integer('population'),
  createdAt: createdAt(),
  disabledAt: at('disabled_at'),
  /** The last `seq` given to a row of this commune: advanced by the feed's sequencer, under this row's lock (db/seq.ts). */
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
})

export const pairingCodes = pgTable(
  'pairing_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: communeRef(),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [uniqueIndex('pairing_codes_hash').on(t.codeHash)],
)

/** The long random token of a paired desktop. Pairing again replaces it. */
export const desktopTokens = pgTable(
  'desktop_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    communeCode: communeRef(),
    createdAt: createdAt(),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('desktop_tokens_commune').on(t.communeCode)],
)

export const citizens = pgTable(
  'citizens',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: communeRef(),
    /** Lower-cased; null once the account is deleted (its contributions stay, anonymised). */
    email: text('email'),
    /** What the desktop sees instead of the address. */
    pseudonymousId: text('pseudonymous_id').notNull(),
    displayName: text('display_name').notNull().default(''),
    topics: jsonb('topics')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    digest: text('digest').notNull().default('hebdomadaire'),
    alerts: boolean('alerts').notNull().default(true),
    residentVerifiedAt: at('resident_verified_at'),
    createdAt: createdAt(),
    lastDigestAt: at('last_digest_at'),
    deletedAt: at('deleted_at'),
  },
  (t) => [uniqueIndex('citizens_commune_email').on(t.communeCode, t.email), uniqueIndex('citizens_pseudonymous_id').on(t.pseudonymousId)],
)

export const magicLinks = pgTable('magic_links', {
  tokenHash: text('token_hash').primaryKey(),
  communeCode: text('commune_code')
    .notNull()
    .references(() => communes.code),
  email: text('email').notNull(),
  createdAt: createdAt(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
})

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    citizenId: bigint('citizen_id', { mode: 'number' })
      .notNull()
      .references(() => citizens.id),
    communeCode: text('commune_code').notNull(),
    /** The form token of this session (CSRF), compared in constant time. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('sessions_citizen').on(t.citizenId)],
)

/** Fixed-window counters shared by every relay process. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: at('window_start').notNull(),
  count: integer('count').notNull(),
})

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: text('commune_code'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    /** A process that took the mail holds it until then (so two processes never send it twice). */
    lockedUntil: at('locked_until'),
    sentAt: at('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [
    index('mail_outbox_pending')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} IS NULL`),
  ],
)

/** One holder at a time for each scheduled job, across processes. */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  leasedUntil: at('leased_until').notNull(),
  lastRunAt: at('last_run_at'),
})

export const projects = pgTable(
  'projects',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: communeRef(),
    externalId: text('external_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: text('status').notNull(),
    progress: smallint('progress'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    theme: text('theme'),
    topic: text('topic'),
    budgetCents: bigint('budget_cents', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** « Retirer du portail »: kept (comments refer to it), no longer shown. */
    removedAt: at('removed_at'),
  },
  (t) => [uniqueIndex('projects_commune_external').on(t.communeCode, t.externalId)],
)

export const news = pgTable(
  'news',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: communeRef(),
    externalId: text('external_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    topic: text('topic').notNull(),
    publishedOn: text('published_on').notNull(),
    isAlert: boolean('is_alert').notNull().default(false),
    alertUntil: at('alert_until'),
    /** Set when the alert mails were queued: an edit never mails twice. */
    alertQueuedAt: at('alert_queued_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    removedAt: at('removed_at'),
  },
  (t) => [uniqueIndex('news_commune_external').on(t.communeCode, t.externalId)],
)

export interface StoredQuestion {
  id: string
  kind: 'choix_unique' | 'choix_multiple' | 'texte_court'
  label: string
  required: boolean
  options: { id: string; label: string }[]
}

export const polls = pgTable(
  'polls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: communeRef(),
    externalId: text('external_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    projectExternalId: text('project_external_id'),
    opensAt: at('opens_at').notNull(),
    closesAt: at('closes_at').notNull(),
    verification: text('verification').notNull(),
    results: text('results').notNull(),
    questions: jsonb('questions').$type<StoredQuestion[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** Withdrawn polls keep their answers (the mairie may have counted them). */
    removedAt: at('removed_at'),
  },
  (t) => [uniqueIndex('polls_commune_external').on(t.communeCode, t.externalId)],
)

export interface StoredAnswer {
  questionId: string
  optionIds: string[]
  text: string | null
}

/** One verified citizen, one answer per poll: the unique index enforces it; a new answer replaces the old one. */
export const pollAnswers = pgTable(
  'poll_answers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: text('commune_code').notNull(),
    pollId: bigint('poll_id', { mode: 'number' })
      .notNull()
      .references(() => polls.id),
    citizenId: bigint('citizen_id', { mode: 'number' })
      .notNull()
      .references(() => citizens.id),
    answers: jsonb('answers').$type<StoredAnswer[]>().notNull(),
    /** Public check that the answer is counted, without showing it. */
    receiptHash: text('receipt_hash').notNull(),
    /** Position in the desktop's feed; null until the feed's sequencer numbers the committed write (db/seq.ts). */
    seq: bigint('seq', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('poll_answers_one_per_citizen').on(t.pollId, t.citizenId),
    uniqueIndex('poll_answers_receipt').on(t.receiptHash),
    index('poll_answers_commune_seq').on(t.communeCode, t.seq),
    index('poll_answers_pending_seq')
      .on(t.communeCode)
      .where(sql`${t.seq} IS NULL`),
  ],
)

/** Proposals, needs/signalements and comments. A deleted one stays as a tombstone so the desktop learns of it. */
export const inputs = pgTable(
  'inputs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: communeRef(),
    kind: text('kind').notNull(),
    /** Null once the author deleted their account (the contribution stays, anonymised). */
    citizenId: bigint('citizen_id', { mode: 'number' }).references(() => citizens.id),
    title: text('title'),
    body: text('body').notNull(),
    topic: text('topic'),
    projectExternalId: text('project_external_id'),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    status: text('status').notNull().default('recue'),
    publicAnswer: text('public_answer'),
    moderation: text('moderation').notNull().default('en_attente'),
    /** When the mairie published it again after reports: further reports no longer hide it by themselves. */
    mairieDecidedAt: at('mairie_decided_at'),
    /** Position in the desktop's feed; null until the feed's sequencer numbers the committed write (db/seq.ts). */
    seq: bigint('seq', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    removedAt: at('removed_at'),
  },
  (t) => [
    uniqueIndex('inputs_commune_seq').on(t.communeCode, t.seq),
    index('inputs_pending_seq')
      .on(t.communeCode)
      .where(sql`${t.seq} IS NULL`),
    index('inputs_citizen').on(t.citizenId),
    index('inputs_public').on(t.communeCode, t.moderation, t.createdAt),
  ],
)

export const photos = pgTable(
  'photos',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: text('commune_code').notNull(),
    inputId: bigint('input_id', { mode: 'number' })
      .notNull()
      .references(() => inputs.id),
    position: smallint('position').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    image: bytea('image').notNull(),
    thumbnail: bytea('thumbnail').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('photos_input').on(t.inputId)],
)

export const reports = pgTable(
  'reports',
  {
    inputId: bigint('input_id', { mode: 'number' })
      .notNull()
      .references(() => inputs.id),
    citizenId: bigint('citizen_id', { mode: 'number' })
      .notNull()
      .references(() => citizens.id),
    communeCode: text('commune_code').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.inputId, t.citizenId] })],
)

export const residentBatches = pgTable('resident_batches', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  communeCode: text('commune_code')
    .notNull()
    .references(() => communes.code),
  label: text('label').notNull(),
  count: integer('count').notNull(),
  createdAt: createdAt(),
  revokedAt: at('revoked_at'),
})

export const residentCodes = pgTable(
  'resident_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: text('commune_code').notNull(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => residentBatches.id),
    codeHash: text('code_hash').notNull(),
    usedBy: bigint('used_by', { mode: 'number' }).references(() => citizens.id),
    usedAt: at('used_at'),
  },
  (t) => [uniqueIndex('resident_codes_hash').on(t.communeCode, t.codeHash), index('resident_codes_batch').on(t.batchId)],
)

/** Anonymous diagnostic scores: read back only as band aggregates of at least 5 communes. */
export const sharedScores = pgTable(
  'shared_scores',
  {
    communeCode: communeRef(),
    domainId: text('domain_id').notNull(),
    band: text('band').notNull(),
    score: doublePrecision('score').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.domainId] }), index('shared_scores_band').on(t.band, t.domainId)],
)
