import type { ComparisonStatus } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import { populationBand } from '../diagnostic/peers'
import { communePopulation } from '../diagnostic/read'
import type { HandlerContext, HandlersOf } from '../handler'
import { benchmarkOutboxRow, benchmarkShare, enqueueShare, enqueueWithdrawal, sharedCampaign } from '../portal/comparison'
import { portalStatus } from '../portal/connection'
import { outboxItemView } from '../portal/outbox'
import { readComparisonSetting, writeComparisonSetting } from '../portal/peer-benchmarks'

function comparisonStatus(context: HandlerContext): ComparisonStatus {
  const setting = readComparisonSetting(context.db)
  const campaign = sharedCampaign(context.db)
  const share = benchmarkShare(context, context.db)
  const item = benchmarkOutboxRow(context.db)
  return {
    sharing: setting.sharing,
    changedAt: setting.changedAt,
    changedBy: setting.changedBy,
    connected: portalStatus(context).connected,
    band: populationBand(communePopulation(context.db))?.label ?? null,
    campaign: campaign ? { id: campaign.id, name: campaign.name, closed: campaign.closedAt !== null } : null,
    problem: 'problem' in share ? share.problem : null,
    item: item ? outboxItemView(item) : null,
    receivedAt: setting.received?.at ?? null,
  }
}

export const comparisonHandlers: HandlersOf<'comparison'> = {
  'comparison.status': (_input, context) => comparisonStatus(context),

  'comparison.setSharing': ({ sharing }, context) => {
    const before = readComparisonSetting(context.db)
    if (before.sharing === sharing) return comparisonStatus(context)
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      writeComparisonSetting(tx, { ...before, sharing, changedAt: at, changedBy: context.actor.displayName })
      new AuditTrail(tx, context.actor, at).updated('comparison', 1, { sharing: before.sharing }, { sharing })
      if (sharing) enqueueShare(context, tx, at)
      else enqueueWithdrawal(tx, at)
    })
    context.portalSender?.kick()
    return comparisonStatus(context)
  },

  'comparison.refresh': async (_input, context) => {
    if (!readComparisonSetting(context.db).sharing)
      throw new AppError('CONFLICT', 'La commune ne partage pas ses scores : activez la comparaison anonyme dans Paramètres › Portail citoyen.')
    // Nothing to share yet (no complete domain…) is said by the status's `problem`; the relay being down by its item.
    const problem = context.db.transaction((tx) => enqueueShare(context, tx, context.now().toISOString()))
    if (!problem) await context.portalSender?.run()
    return comparisonStatus(context)
  },
}
