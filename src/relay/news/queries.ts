import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { newsInput } from '../../shared/relay/api'
import { TOPIC_LABELS, type Topic } from '../../shared/relay/vocabulary'
import type { RelayContext } from '../context'
import type { RelayDb } from '../db/open'
import { citizens, communes, news } from '../db/schema'
import { withdrawPublished } from '../db/published'
import { portalUrl } from '../portal/urls'
import { frenchDate } from '../../shared/format'

/**
 * Publishes a news item. An alert is mailed at once to every subscriber who accepts alerts, in the same transaction
 * that stores it (queued mails, sent right after), and only once even if the item is edited later.
 */
export async function upsertNews(relay: RelayContext, communeCode: string, externalId: string, input: z.output<typeof newsInput>) {
  const db = relay.database.db
  const result = await db.transaction(async (tx) => {
    const values = { ...input, alertUntil: input.alertUntil ? new Date(input.alertUntil) : null, removedAt: null, updatedAt: new Date() }
    const [row] = await tx
      .insert(news)
      .values({ communeCode, externalId, ...values })
      .onConflictDoUpdate({ target: [news.communeCode, news.externalId], set: values })
      .returning()
    let queued = 0
    if (row!.isAlert && !row!.alertQueuedAt && row!.alertUntil && row!.alertUntil > new Date()) {
      const [commune] = await tx.select({ name: communes.name }).from(communes).where(eq(communes.code, communeCode))
      const subscribers = await tx
        .select({ email: citizens.email })
        .from(citizens)
        .where(and(eq(citizens.communeCode, communeCode), eq(citizens.alerts, true), isNotNull(citizens.email), isNull(citizens.deletedAt)))
      const link = portalUrl(relay, communeCode)
      for (const s of subscribers) {
        await relay.mailer.queue(tx, {
          to: s.email!,
          communeCode,
          subject: `Alerte — ${commune!.name} : ${row!.title}`,
          body: `${row!.title}\n\n${row!.body}\n\nThème : ${TOPIC_LABELS[row!.topic as Topic]}\nValable jusqu’au ${formatDateTime(row!.alertUntil!)}.\n\nLa page de la commune : ${link}\n\nVous recevez ce message car vous avez accepté les alertes de la mairie. Pour ne plus les recevoir : ${link}/compte`,
        })
        queued++
      }
      await tx
        .update(news)
        .set({ alertQueuedAt: sql`now()` })
        .where(eq(news.id, row!.id))
    }
    return { externalId: row!.externalId, updatedAt: row!.updatedAt.toISOString(), queued }
  })
  if (result.queued) void relay.mailer.flush().catch((error: Error) => relay.log(`Envoi des alertes : ${error.message}`))
  return { externalId: result.externalId, updatedAt: result.updatedAt }
}

export function removeNews(db: RelayDb, communeCode: string, externalId: string): Promise<boolean> {
  return withdrawPublished(db, 'news', communeCode, externalId)
}

export type PublicNews = typeof news.$inferSelect

export async function publicNews(db: RelayDb, communeCode: string, limit = 30): Promise<PublicNews[]> {
  return db
    .select()
    .from(news)
    .where(and(eq(news.communeCode, communeCode), isNull(news.removedAt)))
    .orderBy(desc(news.publishedOn), desc(news.id))
    .limit(limit)
}

export async function activeAlerts(db: RelayDb, communeCode: string): Promise<PublicNews[]> {
  return db
    .select()
    .from(news)
    .where(and(eq(news.communeCode, communeCode), isNull(news.removedAt), eq(news.isAlert, true), gt(news.alertUntil, sql`now()`)))
    .orderBy(desc(news.alertUntil))
}

export function formatDateTime(date: Date): string {
  return frenchDate(new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }), date)
}
