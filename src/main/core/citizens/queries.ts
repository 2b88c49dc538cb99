import { and, count, eq, isNull, ne } from 'drizzle-orm'
import type { CitizensSyncStatus } from '../../../shared/contract'
import type { CoreEnvironment } from '../context'
import { contributions } from '../db/schema'
import { readConnection } from '../portal/connection'
import { readPullState } from '../portal/pull'

/** Where the pull stands and what waits for the mairie: the home page's line and the Citoyens page's header. */
export function syncStatus(environment: Pick<CoreEnvironment, 'db' | 'secrets' | 'citizensPuller'>): CitizensSyncStatus {
  const { db } = environment
  const connection = readConnection(db)
  const state = connection ? readPullState(db, connection.relayUrl) : null
  const counted = (where?: ReturnType<typeof and>) => db.select({ n: count() }).from(contributions).where(where).get()?.n ?? 0
  return {
    connected: connection !== null && environment.secrets.read() !== null,
    lastSyncAt: state?.lastSyncAt ?? null,
    lastSyncNew: state?.lastSyncNew ?? 0,
    lastAttemptAt: state?.lastAttemptAt ?? null,
    lastError: state?.lastError ?? null,
    running: environment.citizensPuller?.progress ?? null,
    unseen: counted(isNull(contributions.seenAt)),
    unanswered: counted(and(isNull(contributions.publicAnswer), ne(contributions.moderation, 'masquee'))),
    total: counted(),
  }
}

export function contributionByRelayId(environment: Pick<CoreEnvironment, 'db'>, relayUrl: string, relayId: number) {
  return (
    environment.db
      .select()
      .from(contributions)
      .where(and(eq(contributions.relayUrl, relayUrl), eq(contributions.relayId, relayId)))
      .get() ?? null
  )
}
