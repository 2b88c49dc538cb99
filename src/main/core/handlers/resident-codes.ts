import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import type { HandlersOf } from '../handler'
import { RelayCallError, RelayClient } from '../portal/client'
import { connectedClient, readConnection, relayFailure } from '../portal/connection'
import { residentLettersFile } from '../reports/resident-letters'
import { batchCodes, batchView, getBatchRow, listBatchRows, markRevoked, storeBatch } from '../resident-codes/batches'

/** The list should not hang on a relay that does not answer: its counts are a bonus, the batches are here. */
const LIST_TIMEOUT_MS = 8_000

export const residentCodesHandlers: HandlersOf<'residentCodes'> = {
  'residentCodes.list': async (_input, context) => {
    const rows = listBatchRows(context.db)
    const connection = readConnection(context.db)
    const token = connection ? context.secrets.read() : null
    if (!connection || !token) {
      return {
        connected: false,
        problem: rows.length ? 'La commune n’est pas connectée au portail citoyen : le nombre de codes utilisés ne peut pas être affiché.' : null,
        batches: rows.map((row) => batchView(row, null, null)),
      }
    }
    try {
      const client = new RelayClient({ baseUrl: connection.relayUrl, token, fetch: context.relayFetch, log: context.log, timeoutMs: LIST_TIMEOUT_MS })
      const { batches } = rows.length ? await client.call('residentCodes.list') : { batches: [] }
      return { connected: true, problem: null, batches: rows.map((row) => batchView(row, connection.relayUrl, batches)) }
    } catch (error) {
      if (!(error instanceof RelayCallError)) throw error
      return {
        connected: true,
        problem: `Le nombre de codes utilisés n’a pas pu être lu. ${error.message}`,
        batches: rows.map((row) => batchView(row, connection.relayUrl, null)),
      }
    }
  },

  'residentCodes.create': async (input, context) => {
    const { client, connection } = connectedClient(context)
    const created = await client.call('residentCodes.create', { body: input }).catch(relayFailure)
    if (created.codes.length !== input.count || new Set(created.codes).size !== created.codes.length) {
      context.log?.(`Lot de codes habitant refusé : ${created.codes.length} codes reçus pour ${input.count} demandés`)
      throw new AppError('CONFLICT', 'Le relais a donné un lot de codes incomplet : il a été refusé et rien n’a été enregistré. Réessayez.')
    }
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const stored = storeBatch(
        tx,
        { relayUrl: connection.relayUrl, relayId: created.id, label: input.label, codes: created.codes },
        at,
        context.actor.displayName,
      )
      new AuditTrail(tx, context.actor, at).created('residentCodeBatch', stored.id, { label: stored.label, count: stored.count })
      return stored
    })
    return batchView(row, connection.relayUrl, [created])
  },

  'residentCodes.revoke': async ({ id }, context) => {
    const before = getBatchRow(context.db, id)
    if (before.revokedAt) return batchView(before, readConnection(context.db)?.relayUrl ?? null, null)
    const { client, connection } = connectedClient(context)
    if (before.relayUrl !== connection.relayUrl)
      throw new AppError(
        'CONFLICT',
        'Ce lot a été créé sur un autre relais que celui auquel la commune est connectée : il ne peut pas être révoqué d’ici.',
      )
    const revoked = await client.call('residentCodes.revoke', { params: { id: before.relayId } }).catch(relayFailure)
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const after = markRevoked(tx, id, at, context.actor.displayName)
      new AuditTrail(tx, context.actor, at).updated('residentCodeBatch', id, { revokedAt: null }, { revokedAt: at })
      return after
    })
    return batchView(row, connection.relayUrl, [revoked])
  },

  'residentCodes.letters': async ({ id }, context) => {
    const row = getBatchRow(context.db, id)
    if (row.revokedAt) throw new AppError('CONFLICT', 'Ce lot a été révoqué : ses codes ne fonctionnent plus, il n’y a pas de lettres à imprimer.')
    const connection = readConnection(context.db)
    if (!connection)
      throw new AppError(
        'CONFLICT',
        'La commune n’est pas connectée au portail citoyen : l’adresse du portail à imprimer sur les lettres est inconnue.',
      )
    if (connection.relayUrl !== row.relayUrl)
      throw new AppError(
        'CONFLICT',
        'Ce lot a été créé sur un autre relais que celui auquel la commune est connectée : ses codes n’y fonctionnent pas.',
      )
    return residentLettersFile(context, { label: row.label, codes: batchCodes(context.db, id), portalUrl: connection.portalUrl })
  },
}
