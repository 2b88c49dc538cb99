/**
 * The outbox: everything the desktop publishes on the relay is saved here in the same transaction as the user's
 * change, then sent when the relay answers. One row per published thing; a newer change replaces a pending one.
 * Retryable failures (relay down, overloaded, a proxy's error page) are retried with a growing delay; a refusal
 * (the relay says the content is wrong, or no longer knows this computer) waits in « erreur » until asked again.
 */
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm'
import type { CoreEnvironment } from '../context'
import type { Db } from '../db/open'
import type { OutboxAction, OutboxKind, OutboxState } from '../../../shared/contract'
import { portalOutbox } from '../db/schema'
import { RelayCallError } from './client'
import { connectedClient } from './connection'
import { clearBenchmark, storeBenchmark } from './peer-benchmarks'

export type OutboxRow = typeof portalOutbox.$inferSelect

export interface OutboxItem {
  kind: OutboxKind
  action: OutboxAction
  externalId: string
  label: string
  /** The relay body of a put. */
  payload?: unknown
}

export function subjectKeyOf(kind: OutboxKind, externalId: string): string {
  return `${kind}:${externalId}`
}

/** Queues a put or a delete, replacing whatever was pending for the same thing. Call it inside the user's transaction. */
export function enqueue(db: Db, item: OutboxItem, at: string): void {
  const values = {
    kind: item.kind,
    action: item.action,
    externalId: item.externalId,
    subjectKey: subjectKeyOf(item.kind, item.externalId),
    label: item.label,
    payload: item.action === 'put' ? JSON.stringify(item.payload) : null,
    state: 'en_attente' as OutboxState,
    lastError: null,
    attempts: 0,
    nextAttemptAt: at,
    updatedAt: at,
  }
  db.insert(portalOutbox)
    .values({ ...values, createdAt: at })
    .onConflictDoUpdate({ target: portalOutbox.subjectKey, set: { ...values, revision: sql`${portalOutbox.revision} + 1` } })
    .run()
}

export function outboxRowOf(db: Db, kind: OutboxKind, externalId: string): OutboxRow | null {
  return (
    db
      .select()
      .from(portalOutbox)
      .where(eq(portalOutbox.subjectKey, subjectKeyOf(kind, externalId)))
      .get() ?? null
  )
}

/** An outbox row as the screens show it (never its payload). */
export function outboxItemView(row: OutboxRow) {
  return {
    id: row.id,
    kind: row.kind,
    action: row.action,
    externalId: row.externalId,
    label: row.label,
    state: row.state,
    lastError: row.lastError,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    updatedAt: row.updatedAt,
    sentAt: row.sentAt,
  }
}

/** 1 min, 2, 4… up to 1 h: a relay down for a day is tried about 30 times, not 1,440. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1))
}

export interface SendReport {
  sent: number
  failed: number
  /** Why nothing could be sent at all (not connected, relay unreachable), in French; null otherwise. */
  problem: string | null
}

type SenderEnvironment = Pick<CoreEnvironment, 'db' | 'secrets' | 'relayFetch' | 'log' | 'now'>

/**
 * Sends what is due, oldest first. `all` also sends the items in « erreur » and those waiting for their retry time
 * (« Envoyer maintenant »). A relay that does not answer stops the run: the rest waits for the next one.
 */
export async function sendDue(environment: SenderEnvironment, { all = false }: { all?: boolean } = {}): Promise<SendReport> {
  const now = environment.now().toISOString()
  const due = environment.db
    .select()
    .from(portalOutbox)
    .where(all ? ne(portalOutbox.state, 'publie') : and(eq(portalOutbox.state, 'en_attente'), lte(portalOutbox.nextAttemptAt, now)))
    .orderBy(asc(portalOutbox.updatedAt), asc(portalOutbox.id))
    .all()
  if (due.length === 0) return { sent: 0, failed: 0, problem: null }
  let connected
  try {
    connected = connectedClient(environment)
  } catch (error) {
    return { sent: 0, failed: 0, problem: error instanceof Error ? error.message : String(error) }
  }
  const { client } = connected
  const report: SendReport = { sent: 0, failed: 0, problem: null }
  for (const row of due) {
    try {
      await sendOne(client, row, environment)
      settle(environment.db, row, { state: 'publie', lastError: null, sentAt: environment.now().toISOString() })
      report.sent++
    } catch (error) {
      if (!(error instanceof RelayCallError)) throw error
      report.failed++
      const attempts = row.attempts + 1
      const at = environment.now()
      settle(environment.db, row, {
        state: error.retryable ? 'en_attente' : 'erreur',
        lastError: error.message,
        attempts,
        nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts)).toISOString(),
      })
      if (error.kind === 'unreachable' || error.status === 401) {
        // Every other item would fail the same way: wait for the next run.
        report.problem = error.message
        break
      }
    }
  }
  return report
}

async function sendOne(client: ReturnType<typeof connectedClient>['client'], row: OutboxRow, environment: SenderEnvironment): Promise<void> {
  const params = { externalId: row.externalId }
  const body = row.payload === null ? undefined : (JSON.parse(row.payload) as never)
  if (row.kind === 'benchmark') {
    // The relay answers a share with the band's figures: they are kept for the diagnostic and its report.
    if (row.action === 'put') storeBenchmark(environment.db, await client.call('benchmark.share', { body }), environment.now().toISOString())
    else {
      await client.call('benchmark.withdraw', {})
      clearBenchmark(environment.db)
    }
  } else if (row.kind === 'project') {
    if (row.action === 'put') await client.call('projects.put', { params, body })
    else await client.call('projects.delete', { params })
  } else if (row.kind === 'news') {
    if (row.action === 'put') await client.call('news.put', { params, body })
    else await client.call('news.delete', { params })
  } else if (row.action === 'put') await client.call('polls.put', { params, body })
  else await client.call('polls.delete', { params })
}

/** Records an attempt's outcome, unless the user changed the item meanwhile (then the newer version is sent next). */
function settle(db: Db, row: OutboxRow, values: Partial<OutboxRow>): void {
  db.update(portalOutbox)
    .set(values)
    .where(and(eq(portalOutbox.id, row.id), eq(portalOutbox.revision, row.revision)))
    .run()
}

/** After a new connection, what the previous relay or token refused is worth sending again. */
export function requeueRefused(db: Db, at: string): void {
  db.update(portalOutbox)
    .set({ state: 'en_attente', nextAttemptAt: at, attempts: 0 })
    .where(inArray(portalOutbox.state, ['erreur', 'publie']))
    .run()
}

function mergeReports(outbox: SendReport, updates: SendReport): SendReport {
  return { sent: outbox.sent + updates.sent, failed: outbox.failed + updates.failed, problem: outbox.problem ?? updates.problem }
}

/** Runs the sender now and then: one run at a time, started by the hosts, stopped when the core closes. */
export class OutboxSender {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<SendReport> | null = null

  constructor(
    private readonly environment: () => SenderEnvironment | null,
    private readonly onSent: (report: SendReport) => void,
    private readonly intervalMs = 30_000,
    /** What else goes to the relay on the same schedule (the contributions' changes). */
    private readonly alsoSend: ((environment: SenderEnvironment, options: { all?: boolean }) => Promise<SendReport>)[] = [],
  ) {}

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.run().catch(() => {}), this.intervalMs)
    this.timer.unref()
    void this.run().catch(() => {})
  }

  /** Sends soon, after the caller's answer: the user never waits for the relay. */
  kick(): void {
    // Only once the host started the sender: a core in a test sends when the test says so.
    if (!this.timer) return
    setImmediate(() => void this.run().catch(() => {}))
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** One run (or the one in progress, then another if `all` was asked). */
  async run(options: { all?: boolean } = {}): Promise<SendReport> {
    while (this.running) await this.running.catch(() => {})
    const environment = this.environment()
    if (!environment) return { sent: 0, failed: 0, problem: null }
    this.running = sendDue(environment, options)
      .then(async (report) => {
        // The other senders, unless the relay is known to be unreachable already.
        for (const send of this.alsoSend) if (!report.problem) report = mergeReports(report, await send(environment, options))
        return report
      })
      .then((report) => {
        if (report.sent + report.failed > 0) this.onSent(report)
        return report
      })
      .catch((error: unknown) => {
        environment.log?.('Envoi au portail citoyen impossible', error)
        throw error
      })
      .finally(() => (this.running = null))
    return this.running
  }
}
