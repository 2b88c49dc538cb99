/**
 * News items and alerts: the mairie's copy in `news`, what the relay receives built here and queued in the outbox
 * (`actualite-<id>`) in the caller's transaction.
 */
import { desc, eq } from 'drizzle-orm'
import type { NewsItem } from '../../../shared/contract/news'
import type { NewsInput as RelayNewsInput } from '../../../shared/relay'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { news } from '../db/schema'
import { enqueue, outboxItemView, outboxRowOf } from '../portal/outbox'

export type NewsRow = typeof news.$inferSelect

export function newsExternalId(id: number): string {
  return `actualite-${id}`
}

export function getNewsRow(db: Db, id: number): NewsRow {
  const row = db.select().from(news).where(eq(news.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette actualité n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

export function newsItemOf(db: Db, row: NewsRow): NewsItem {
  const item = outboxRowOf(db, 'news', newsExternalId(row.id))
  return { ...row, externalId: newsExternalId(row.id), item: item ? outboxItemView(item) : null }
}

export function listNews(db: Db): NewsItem[] {
  return db
    .select()
    .from(news)
    .orderBy(desc(news.publishedOn), desc(news.id))
    .all()
    .map((row) => newsItemOf(db, row))
}

/** The offset of the commune's time (Europe/Paris, summer or winter time) at an instant, « +01:00 » or « +02:00 ». */
function offsetInFrance(instant: string): string {
  return (
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00'
  )
}

/** The end of a day in the commune's time, as the relay wants it. */
export function endOfDayInFrance(day: string): string {
  return `${day}T23:59:59${offsetInFrance(`${day}T12:00:00Z`)}`
}

/** The start of a day in the commune's time (a change of time happens at 2 or 3 h, after midnight). */
export function startOfDayInFrance(day: string): string {
  return `${day}T00:00:00${offsetInFrance(`${day}T00:00:00Z`)}`
}

export function newsPayload(row: NewsRow): RelayNewsInput {
  return {
    title: row.title,
    body: row.body,
    topic: row.topic,
    publishedOn: row.publishedOn,
    isAlert: row.isAlert,
    alertUntil: row.isAlert && row.alertUntil ? endOfDayInFrance(row.alertUntil) : null,
  }
}

/** Queues the current version of an item for the portal. */
export function queueNews(db: Db, row: NewsRow, at: string): void {
  enqueue(db, { kind: 'news', action: 'put', externalId: newsExternalId(row.id), label: row.title, payload: newsPayload(row) }, at)
}

/** Asks the relay to remove the item (it stays in the desktop). */
export function queueNewsWithdrawal(db: Db, row: NewsRow, at: string): void {
  enqueue(db, { kind: 'news', action: 'delete', externalId: newsExternalId(row.id), label: row.title }, at)
}
