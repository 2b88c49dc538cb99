import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { OutboxAction, OutboxKind, OutboxState } from '../../../../shared/contract/publications'
import { projects } from './projects'

/**
 * The commune's connection to a relay (Paramètres › Portail citoyen): one row at most. The desktop token is NOT here:
 * it lives outside the SQLite file, behind the host's secret vault (Electron: safeStorage), so a backup or an export
 * never carries it.
 */
export const portalConnection = sqliteTable(
  'portal_connection',
  {
    id: integer('id').primaryKey(),
    /** The relay's base address, without a trailing slash (https://relais.example.fr). */
    relayUrl: text('relay_url').notNull(),
    communeCode: text('commune_code').notNull(),
    communeName: text('commune_name').notNull(),
    /** The commune's public portal (https://relais.example.fr/10145), as the relay gives it. */
    portalUrl: text('portal_url').notNull(),
    apiVersion: integer('api_version').notNull(),
    connectedAt: text('connected_at').notNull(),
    connectedBy: text('connected_by').notNull(),
  },
  (table) => [check('portal_connection_single_row', sql`${table.id} = 1`)],
)

/**
 * What the desktop publishes on the relay, saved in the same transaction as the user's change and sent when the relay
 * answers. One row per published thing (`subject_key` = kind:externalId): a newer change replaces the pending one,
 * and `revision` tells the sender whether the row changed while its request was in flight.
 */
export const portalOutbox = sqliteTable(
  'portal_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').$type<OutboxKind>().notNull(),
    action: text('action').$type<OutboxAction>().notNull(),
    /** The id the relay knows it by (`projet-12`). */
    externalId: text('external_id').notNull(),
    subjectKey: text('subject_key').notNull(),
    /** What a user reads in the list (the project's title…), kept even after the thing is deleted. */
    label: text('label').notNull(),
    /** The relay body (JSON) for a put; null for a delete. */
    payload: text('payload'),
    state: text('state').$type<OutboxState>().notNull(),
    /** Why the last attempt failed, in French (kept while a retry is pending). */
    lastError: text('last_error'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    revision: integer('revision').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    sentAt: text('sent_at'),
  },
  (table) => [uniqueIndex('portal_outbox_subject').on(table.subjectKey), index('portal_outbox_due').on(table.state, table.nextAttemptAt)],
)

/** Projects shown on the portal, with the fields chosen: later edits of those fields are republished. */
export const portalPublications = sqliteTable('portal_publications', {
  projectId: integer('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  externalId: text('external_id').notNull(),
  /** JSON array of PublishableProjectField. */
  fields: text('fields').notNull(),
  /** The body last queued: a write that changes none of the shown fields queues nothing. */
  lastPayload: text('last_payload').notNull(),
  publishedAt: text('published_at').notNull(),
  publishedBy: text('published_by').notNull(),
  updatedAt: text('updated_at').notNull(),
})
