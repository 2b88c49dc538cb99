/**
 * The daily or weekly digest: for each citizen who chose one and is due, the news and published contributions of the
 * topics they follow since their last digest (everything when they follow none). Queued in the same transaction that
 * moves their `last_digest_at`, so a digest is never sent twice, even with several processes (the job holds a lease).
 */
import { and, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import { TOPIC_LABELS, type Topic } from '../../shared/relay/vocabulary'
import type { RelayContext } from '../context'
import { citizens, communes, inputs, news } from '../db/schema'
import { portalUrl } from '../portal/urls'

const PERIOD_HOURS = { quotidien: 24, hebdomadaire: 24 * 7 } as const

export async function sendDigests(relay: RelayContext, now = new Date()): Promise<number> {
  const db = relay.database.db
  let queued = 0
  for (const [digest, hours] of Object.entries(PERIOD_HOURS)) {
    const since = new Date(now.getTime() - hours * 3_600_000)
    const due = await db
      .select()
      .from(citizens)
      .where(
        and(
          eq(citizens.digest, digest),
          isNotNull(citizens.email),
          isNull(citizens.deletedAt),
          or(isNull(citizens.lastDigestAt), sql`${citizens.lastDigestAt} <= ${since}`),
          sql`${citizens.createdAt} <= ${since}`,
        ),
      )
      .limit(500)
    for (const citizen of due) {
      const from = citizen.lastDigestAt ?? since
      const topics = citizen.topics.length ? citizen.topics : null
      const [commune] = await db.select({ name: communes.name }).from(communes).where(eq(communes.code, citizen.communeCode))
      const newsRows = await db
        .select({ title: news.title, topic: news.topic })
        .from(news)
        .where(
          and(
            eq(news.communeCode, citizen.communeCode),
            isNull(news.removedAt),
            gt(news.updatedAt, from),
            topics ? inArray(news.topic, topics) : undefined,
          ),
        )
        .limit(20)
      const inputRows = await db
        .select({ title: inputs.title, body: inputs.body, topic: inputs.topic })
        .from(inputs)
        .where(
          and(
            eq(inputs.communeCode, citizen.communeCode),
            eq(inputs.moderation, 'publiee'),
            isNull(inputs.removedAt),
            gt(inputs.updatedAt, from),
            topics ? inArray(inputs.topic, topics) : undefined,
          ),
        )
        .limit(20)
      await db.transaction(async (tx) => {
        const [moved] = await tx
          .update(citizens)
          .set({ lastDigestAt: now })
          .where(
            and(eq(citizens.id, citizen.id), citizen.lastDigestAt ? eq(citizens.lastDigestAt, citizen.lastDigestAt) : isNull(citizens.lastDigestAt)),
          )
          .returning({ id: citizens.id })
        if (!moved || (!newsRows.length && !inputRows.length)) return
        const link = portalUrl(relay, citizen.communeCode)
        const lines = [
          `Bonjour${citizen.displayName ? ` ${citizen.displayName}` : ''},`,
          '',
          `Voici les nouveautés de ${commune!.name} ${digest === 'quotidien' ? 'du jour' : 'de la semaine'}.`,
          ...(newsRows.length ? ['', 'Actualités :', ...newsRows.map((n) => `• ${n.title} (${TOPIC_LABELS[n.topic as Topic] ?? n.topic})`)] : []),
          ...(inputRows.length ? ['', 'Contributions publiées :', ...inputRows.map((i) => `• ${i.title ?? i.body.slice(0, 80)}`)] : []),
          '',
          `Tout lire : ${link}`,
          `Changer la fréquence de ces courriels : ${link}/compte`,
        ]
        await relay.mailer.queue(tx, {
          to: citizen.email!,
          communeCode: citizen.communeCode,
          subject: `${commune!.name} : les nouveautés`,
          body: lines.join('\n'),
        })
        queued++
      })
    }
  }
  return queued
}
