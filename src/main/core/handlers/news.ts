import { eq } from 'drizzle-orm'
import { AuditTrail } from '../audit'
import { news } from '../db/schema'
import type { HandlerContext, HandlersOf } from '../handler'
import { getNewsRow, listNews, newsItemOf, queueNews, queueNewsWithdrawal } from '../news/news'

/** Tries to send at once what was just queued; the outcome shows in the item's state (never blocks the user). */
function sendSoon(context: HandlerContext): void {
  if (context.portalSender) context.portalSender.kick()
}

export const newsHandlers: HandlersOf<'news'> = {
  'news.list': (_input, context) => ({ items: listNews(context.db) }),

  'news.create': (input, context) => {
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const created = tx
        .insert(news)
        .values({ ...input, createdAt: at, createdBy: context.actor.displayName, updatedAt: at })
        .returning()
        .get()
      queueNews(tx, created, at)
      new AuditTrail(tx, context.actor, at).created('news', created.id, input)
      return created
    })
    sendSoon(context)
    return newsItemOf(context.db, row)
  },

  'news.update': ({ id, news: input }, context) => {
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const before = getNewsRow(tx, id)
      const updated = tx
        .update(news)
        .set({ ...input, updatedAt: at })
        .where(eq(news.id, id))
        .returning()
        .get()!
      // A withdrawn item stays off the portal until it is published again.
      if (!updated.withdrawnAt) queueNews(tx, updated, at)
      new AuditTrail(tx, context.actor, at).updated('news', id, before, updated)
      return updated
    })
    sendSoon(context)
    return newsItemOf(context.db, row)
  },

  'news.withdraw': ({ id }, context) => {
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const before = getNewsRow(tx, id)
      if (before.withdrawnAt) return before
      const withdrawn = tx.update(news).set({ withdrawnAt: at, updatedAt: at }).where(eq(news.id, id)).returning().get()!
      queueNewsWithdrawal(tx, withdrawn, at)
      new AuditTrail(tx, context.actor, at).updated('news', id, { withdrawnAt: null }, { withdrawnAt: at })
      return withdrawn
    })
    sendSoon(context)
    return newsItemOf(context.db, row)
  },

  'news.republish': ({ id }, context) => {
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const before = getNewsRow(tx, id)
      if (!before.withdrawnAt) return before
      const published = tx.update(news).set({ withdrawnAt: null, updatedAt: at }).where(eq(news.id, id)).returning().get()!
      queueNews(tx, published, at)
      new AuditTrail(tx, context.actor, at).updated('news', id, { withdrawnAt: before.withdrawnAt }, { withdrawnAt: null })
      return published
    })
    sendSoon(context)
    return newsItemOf(context.db, row)
  },
}
