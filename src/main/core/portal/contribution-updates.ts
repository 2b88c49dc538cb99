/**
 * The mairie's decisions on a citizen's contribution (status, public answer, publish or hide) on their way to the
 * relay. They are saved on the contribution at once (`pending_update`, merged with what was already waiting), then
 * sent by the outbox's sender as one PATCH per contribution, retried with the outbox's backoff while the relay is down.
 * A refusal waits in « Erreur d’envoi » with the reason until the mairie sends again. Until the relay has it, a pull
 * leaves those fields as the mairie set them (pull.ts storePage).
 */
import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { inputUpdateInput } from '../../../shared/relay/api'
import type { CoreEnvironment } from '../context'
import type { Db } from '../db/open'
import { contributions } from '../db/schema'
import { RelayCallError } from './client'
import { connectedClient } from './connection'
import { retryDelayMs, type SendReport } from './outbox'

export type ContributionUpdate = z.input<typeof inputUpdateInput>

/** Adds a change to what waits for the relay (a newer value of a field replaces the older one). Call it inside the user's transaction. */
export function queueContributionUpdate(db: Db, id: number, pending: string | null, change: ContributionUpdate, at: string): void {
  const merged = { ...(pending ? (JSON.parse(pending) as ContributionUpdate) : {}), ...change }
  db.update(contributions)
    .set({ pendingUpdate: JSON.stringify(merged), pendingError: null, pendingAttempts: 0, pendingNextAttemptAt: at })
    .where(eq(contributions.id, id))
    .run()
}

type SenderEnvironment = Pick<CoreEnvironment, 'db' | 'secrets' | 'relayFetch' | 'log' | 'now'>

/**
 * Sends the contributions' changes that are due (`all`: the refused ones and those waiting for their retry time too).
 * Only changes made for the relay this computer is connected to: one of a relay since left stays as it is.
 */
export async function sendContributionUpdates(environment: SenderEnvironment, { all = false }: { all?: boolean } = {}): Promise<SendReport> {
  const { db } = environment
  const now = environment.now().toISOString()
  const due = db
    .select({
      id: contributions.id,
      relayUrl: contributions.relayUrl,
      relayId: contributions.relayId,
      pendingUpdate: contributions.pendingUpdate,
      attempts: contributions.pendingAttempts,
    })
    .from(contributions)
    .where(
      and(
        isNotNull(contributions.pendingUpdate),
        all ? undefined : and(isNotNull(contributions.pendingNextAttemptAt), lte(contributions.pendingNextAttemptAt, now)),
      ),
    )
    .orderBy(asc(contributions.pendingNextAttemptAt), asc(contributions.id))
    .all()
  if (due.length === 0) return { sent: 0, failed: 0, problem: null }
  let connected
  try {
    connected = connectedClient(environment)
  } catch (error) {
    return { sent: 0, failed: 0, problem: error instanceof Error ? error.message : String(error) }
  }
  const { client, connection } = connected
  const report: SendReport = { sent: 0, failed: 0, problem: null }
  for (const row of due) {
    if (row.relayUrl !== connection.relayUrl) continue
    const sent = row.pendingUpdate!
    try {
      const answer = await client.call('inputs.update', { params: { id: row.relayId }, body: JSON.parse(sent) as ContributionUpdate })
      // What the relay now holds, unless the mairie changed it again meanwhile (then that newer change is sent next).
      db.update(contributions)
        .set({
          status: answer.status,
          publicAnswer: answer.publicAnswer,
          moderation: answer.moderation,
          relaySeq: sql`max(${contributions.relaySeq}, ${answer.seq})`,
          pendingUpdate: null,
          pendingError: null,
          pendingAttempts: 0,
          pendingNextAttemptAt: null,
          updateSentAt: environment.now().toISOString(),
        })
        .where(and(eq(contributions.id, row.id), eq(contributions.pendingUpdate, sent)))
        .run()
      report.sent++
    } catch (error) {
      if (!(error instanceof RelayCallError)) throw error
      report.failed++
      const attempts = row.attempts + 1
      db.update(contributions)
        .set({
          pendingError: error.message,
          pendingAttempts: attempts,
          // A refusal waits for the mairie (« Renvoyer »); a relay down is tried again later.
          pendingNextAttemptAt: error.retryable ? new Date(environment.now().getTime() + retryDelayMs(attempts)).toISOString() : null,
        })
        .where(and(eq(contributions.id, row.id), eq(contributions.pendingUpdate, sent)))
        .run()
      if (error.kind === 'unreachable' || error.status === 401) {
        report.problem = error.message
        break
      }
    }
  }
  return report
}
