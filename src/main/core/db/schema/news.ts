import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Topic } from '../../../../shared/relay/vocabulary'

/**
 * The commune's news items and alerts written in the desktop (Publications du portail › Actualités). The row is the
 * mairie's copy; what the relay shows goes through the outbox (`actualite-<id>`). A withdrawn item stays here, off the
 * portal, and can be published again.
 */
export const news = sqliteTable(
  'news',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    topic: text('topic').$type<Topic>().notNull(),
    /** The date shown with the item (AAAA-MM-JJ). */
    publishedOn: text('published_on').notNull(),
    /** An alert is mailed at once by the relay to those who follow its topic, and shown on top until `alertUntil`. */
    isAlert: integer('is_alert', { mode: 'boolean' }).notNull().default(false),
    /** Last day the alert is shown (AAAA-MM-JJ, included); null for an ordinary item. */
    alertUntil: text('alert_until'),
    /** Set while the item is off the portal (« Retirer du portail »). */
    withdrawnAt: text('withdrawn_at'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('news_published_on').on(table.publishedOn)],
)
