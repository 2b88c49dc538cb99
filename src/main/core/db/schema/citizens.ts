import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { InputKind, InputStatus, ModerationState, Topic } from '../../../../shared/relay/vocabulary'
import { projects } from './projects'

/**
 * What citizens sent through the relay (proposals, needs/signalements, comments), as pulled. A contribution is known
 * by its relay and the relay's id: a page received twice updates the same rows. The relay's fields are overwritten
 * only by a newer `relay_seq`; the mairie's own fields (project, theme, duplicate, seen) are never touched by a pull.
 */
export const contributions = sqliteTable(
  'contributions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    relayUrl: text('relay_url').notNull(),
    relayId: integer('relay_id').notNull(),
    /** The feed position of the version stored: an older one never overwrites a newer one. */
    relaySeq: integer('relay_seq').notNull(),
    kind: text('kind').$type<InputKind>().notNull(),
    authorPseudonymousId: text('author_pseudonymous_id'),
    authorDisplayName: text('author_display_name'),
    title: text('title'),
    body: text('body').notNull(),
    topic: text('topic').$type<Topic>(),
    projectExternalId: text('project_external_id'),
    address: text('address'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    status: text('status').$type<InputStatus>().notNull(),
    publicAnswer: text('public_answer'),
    moderation: text('moderation').$type<ModerationState>().notNull(),
    reportsSpam: integer('reports_spam').notNull().default(0),
    reportsOffensive: integer('reports_offensive').notNull().default(0),
    reportsOffTopic: integer('reports_off_topic').notNull().default(0),
    /** As the relay dates them (ISO). */
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** When this computer first received it. */
    receivedAt: text('received_at').notNull(),
    /** The mairie's changes (status, answer, moderation) waiting to reach the relay: JSON of inputUpdateInput, or null. */
    pendingUpdate: text('pending_update'),
    pendingError: text('pending_error'),
    pendingAttempts: integer('pending_attempts').notNull().default(0),
    pendingNextAttemptAt: text('pending_next_attempt_at'),
    /** When the mairie's last change reached the relay. */
    updateSentAt: text('update_sent_at'),
    /** The mairie's own links. */
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'set null' }),
    themeId: text('theme_id'),
    duplicateOfId: integer('duplicate_of_id').references((): AnySQLiteColumn => contributions.id, { onDelete: 'set null' }),
    /** First opened on the Citoyens page: until then it counts as new on the home page. */
    seenAt: text('seen_at'),
  },
  (table) => [
    uniqueIndex('contributions_relay_id').on(table.relayUrl, table.relayId),
    index('contributions_pending').on(table.pendingNextAttemptAt),
    // The Citoyens page lists newest first under each filter. Dates: the id spelled out keeps the walk in the list's
    // order (created_at, id) with no sort; status and moderation let a period's counts read this index alone.
    index('contributions_created').on(table.createdAt, table.id, table.status, table.moderation),
    index('contributions_status').on(table.status, table.createdAt),
    index('contributions_kind').on(table.kind, table.createdAt),
    index('contributions_topic').on(table.topic, table.createdAt),
    index('contributions_moderation').on(table.moderation, table.createdAt),
    index('contributions_theme').on(table.themeId, table.createdAt),
    // The counts under any filter read this narrow index alone, in the order of their GROUP BY, never the wide rows;
    // a kind and a topic together read only their rows (« besoins, voirie »).
    index('contributions_kind_topic').on(table.kind, table.topic, table.status, table.moderation),
    index('contributions_facets').on(table.status, table.moderation, table.kind, table.topic, table.themeId, table.createdAt, table.seenAt),
    // « Seulement les nouvelles », newest first, and the home page's count of new ones.
    index('contributions_unseen')
      .on(table.createdAt)
      .where(sql`${table.seenAt} IS NULL`),
    // A project's contributions, and the duplicates of one (both followed when a project or a contribution goes).
    index('contributions_project').on(table.projectId),
    index('contributions_duplicate_of').on(table.duplicateOfId),
  ],
)

/**
 * Holds a row only inside the transaction of a pulled page being stored (migration 0022): while it does, the insert
 * triggers of `contributions` leave the search index and the counts alone, and the page fills them in one statement
 * each. Every other write (and any other connection, which never sees the row) goes through the triggers.
 */
export const contributionsBulkInsert = sqliteTable('contributions_bulk_insert', { active: integer('active').primaryKey() })

/**
 * How many contributions there are per status and moderation state, kept exact by triggers on `contributions`
 * (migration 0021): the Citoyens page's counts without a filter (or with only those two) read 15 rows, not 100,000.
 */
export const contributionCounts = sqliteTable(
  'contribution_counts',
  {
    status: text('status').$type<InputStatus>().notNull(),
    moderation: text('moderation').$type<ModerationState>().notNull(),
    n: integer('n').notNull(),
  },
  (table) => [primaryKey({ columns: [table.status, table.moderation] })],
)

/**
 * The photos of a contribution. Their bytes are fetched from the relay, checked again (an image, of a sane size) and
 * kept in the app's file store (`pieces-jointes/<sha256>`); `problem` says in French why one is not shown.
 */
export const contributionPhotos = sqliteTable(
  'contribution_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contributionId: integer('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    relayPhotoId: integer('relay_photo_id').notNull(),
    position: integer('position').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** The size of the bytes kept in the file store (0 while none is). */
    bytes: integer('bytes').notNull(),
    sha256: text('sha256'),
    mimeType: text('mime_type'),
    problem: text('problem'),
  },
  (table) => [uniqueIndex('contribution_photos_relay').on(table.contributionId, table.relayPhotoId)],
)

/**
 * Answers to the commune's polls and votes, as pulled (tallied later with the paper ones). Kept as received: the
 * cursor moves past them, so they must be stored even before anything shows them.
 */
export const pollAnswers = sqliteTable(
  'poll_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    relayUrl: text('relay_url').notNull(),
    relayId: integer('relay_id').notNull(),
    relaySeq: integer('relay_seq').notNull(),
    pollExternalId: text('poll_external_id').notNull(),
    authorPseudonymousId: text('author_pseudonymous_id'),
    /** JSON array of { questionId, optionIds, text }. */
    answers: text('answers').notNull(),
    answeredAt: text('answered_at').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (table) => [uniqueIndex('poll_answers_relay_id').on(table.relayUrl, table.relayId), index('poll_answers_poll').on(table.pollExternalId)],
)

/** Where the pull stands, per relay: the cursor moves only in the transaction that stores its page. */
export const portalPull = sqliteTable('portal_pull', {
  relayUrl: text('relay_url').primaryKey(),
  cursor: integer('cursor').notNull().default(0),
  /** The last sync that reached the end of the feed. */
  lastSyncAt: text('last_sync_at'),
  /** New contributions stored by that sync (and by the cut attempts before it). */
  lastSyncNew: integer('last_sync_new').notNull().default(0),
  /** New contributions stored by pages since the last complete sync: a cut sync's count is not lost. */
  newSinceSync: integer('new_since_sync').notNull().default(0),
  lastAttemptAt: text('last_attempt_at'),
  /** Why the last attempt stopped, in French; null when it succeeded. */
  lastError: text('last_error'),
})
