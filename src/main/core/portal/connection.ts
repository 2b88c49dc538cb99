import { eq } from 'drizzle-orm'
import type { PortalStatus } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { CoreEnvironment } from '../context'
import type { Db } from '../db/open'
import { portalConnection } from '../db/schema'
import { RelayCallError, RelayClient } from './client'

export type PortalConnectionRow = typeof portalConnection.$inferSelect

export function readConnection(db: Db): PortalConnectionRow | null {
  return db.select().from(portalConnection).where(eq(portalConnection.id, 1)).get() ?? null
}

export function portalStatus(environment: Pick<CoreEnvironment, 'db' | 'secrets'>): PortalStatus {
  const row = readConnection(environment.db)
  const token = row ? environment.secrets.read() : null
  return {
    connected: row !== null && token !== null,
    relayUrl: row?.relayUrl ?? null,
    commune: row ? { code: row.communeCode, name: row.communeName } : null,
    portalUrl: row?.portalUrl ?? null,
    connectedAt: row?.connectedAt ?? null,
    connectedBy: row?.connectedBy ?? null,
    tokenStorage: environment.secrets.storage,
    tokenMissing: row !== null && token === null,
  }
}

/** The client of the connected relay, with its token; a French refusal when the commune is not connected. */
export function connectedClient(environment: Pick<CoreEnvironment, 'db' | 'secrets' | 'relayFetch' | 'log'>): {
  client: RelayClient
  connection: PortalConnectionRow
} {
  const connection = readConnection(environment.db)
  const token = connection ? environment.secrets.read() : null
  if (!connection || !token)
    throw new AppError('CONFLICT', 'La commune n’est pas connectée au portail citoyen : connectez-la dans Paramètres › Portail citoyen.')
  return { client: relayClient(environment, connection.relayUrl, token), connection }
}

export function relayClient(environment: Pick<CoreEnvironment, 'relayFetch' | 'log'>, baseUrl: string, token: string | null = null): RelayClient {
  return new RelayClient({ baseUrl, token, fetch: environment.relayFetch, log: environment.log })
}

/** A relay failure as the user reads it. */
export function relayFailure(error: unknown): never {
  if (error instanceof RelayCallError) throw new AppError('CONFLICT', error.message)
  throw error
}
