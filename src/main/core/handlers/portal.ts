import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import { readCommune } from '../commune/queries'
import { portalConnection } from '../db/schema'
import type { HandlersOf } from '../handler'
import { normalizeRelayUrl, RelayCallError } from '../portal/client'
import { requeueRefused } from '../portal/outbox'
import { portalStatus, readConnection, relayClient, relayFailure } from '../portal/connection'

export const portalHandlers: HandlersOf<'portal'> = {
  'portal.status': (_input, context) => portalStatus(context),

  'portal.connect': async ({ relayUrl, pairingCode }, context) => {
    const address = normalizeRelayUrl(relayUrl)
    if ('problem' in address) throw new AppError('INVALID_INPUT', address.problem, [{ path: 'relayUrl', message: address.problem }])
    const commune = readCommune(context.db)
    const client = relayClient(context, address.url)
    let claimed
    try {
      // The version first: a relay of another API version is said so before a pairing code is spent.
      await client.health()
      claimed = await client.call('pairing.claim', { body: { code: pairingCode } })
    } catch (error) {
      if (error instanceof RelayCallError && error.relayCode?.startsWith('code_'))
        throw new AppError('INVALID_INPUT', error.message, [{ path: 'pairingCode', message: error.message }])
      return relayFailure(error)
    }
    if (commune && claimed.commune.code !== commune.inseeCode) {
      throw new AppError(
        'CONFLICT',
        `Ce code d’appairage est celui de ${claimed.commune.name} (code INSEE ${claimed.commune.code}), pas de ${commune.name} (${commune.inseeCode}) : rien n’a été connecté. Demandez le code de votre commune à l’administrateur du relais.`,
      )
    }
    const at = context.now().toISOString()
    const before = readConnection(context.db)
    context.secrets.write(claimed.token)
    const row = {
      id: 1,
      relayUrl: address.url,
      communeCode: claimed.commune.code,
      communeName: claimed.commune.name,
      portalUrl: claimed.commune.portalUrl,
      apiVersion: claimed.apiVersion,
      connectedAt: at,
      connectedBy: context.actor.displayName,
    }
    context.db.transaction((tx) => {
      tx.insert(portalConnection).values(row).onConflictDoUpdate({ target: portalConnection.id, set: row }).run()
      const trail = new AuditTrail(tx, context.actor, at)
      if (before) trail.updated('portal', 1, { relayUrl: before.relayUrl }, { relayUrl: address.url })
      else trail.created('portal', 1, { relayUrl: address.url, portalUrl: claimed.commune.portalUrl })
      // A new relay (or a new token) gets everything the commune publishes, and what the old token had refused.
      requeueRefused(tx, at)
    })
    context.portalSender?.kick()
    return portalStatus(context)
  },

  'portal.disconnect': (_input, context) => {
    const before = readConnection(context.db)
    context.secrets.clear()
    if (before) {
      context.db.transaction((tx) => {
        tx.delete(portalConnection).run()
        new AuditTrail(tx, context.actor, context.now().toISOString()).deleted('portal', 1, { relayUrl: before.relayUrl })
      })
    }
    return portalStatus(context)
  },
}
