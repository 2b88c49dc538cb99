/**
 * What the commune shares for the anonymous comparison, and nothing else: the population band and, per domain of its
 * last closed campaign (or else its current one), the score of the domains whose every applicable question is
 * answered — a half-answered domain would say nothing true. No name, no INSEE code in the body (the relay knows the
 * token's commune only to replace or withdraw its own figures).
 */
import { desc, isNotNull } from 'drizzle-orm'
import type { z } from 'zod'
import type { benchmarkShareInput, PopulationBandKey } from '../../../shared/relay'
import type { CoreEnvironment } from '../context'
import type { Db } from '../db/open'
import { campaigns } from '../db/schema'
import { populationBand } from '../diagnostic/peers'
import { campaignScores, communePopulation, listCampaignRows, type CampaignRow } from '../diagnostic/read'
import { enqueue, outboxRowOf } from './outbox'

export const BENCHMARK_EXTERNAL_ID = 'scores'
const SHARE_LABEL = 'Scores par domaine et tranche de population'
const WITHDRAW_LABEL = 'Retrait des scores partagés'

export type BenchmarkShare = z.input<typeof benchmarkShareInput>

/** The last closed campaign, or else the most recent one. */
export function sharedCampaign(db: Db): CampaignRow | null {
  const closed = db.select().from(campaigns).where(isNotNull(campaigns.closedAt)).orderBy(desc(campaigns.closedAt), desc(campaigns.id)).get()
  return closed ?? listCampaignRows(db)[0] ?? null
}

/** The body sent to the relay, or why there is nothing to send yet (in French). */
export function benchmarkShare(environment: Pick<CoreEnvironment, 'referentiel' | 'now'>, db: Db): { share: BenchmarkShare } | { problem: string } {
  const band = populationBand(communePopulation(db))
  if (!band)
    return {
      problem: 'La population de la commune n’est pas connue : indiquez-la dans Paramètres pour situer la commune parmi celles de même taille.',
    }
  const campaign = sharedCampaign(db)
  if (!campaign) return { problem: 'Aucune campagne de diagnostic : commencez le diagnostic pour avoir des scores à comparer.' }
  const scores = campaignScores(environment, db, campaign.id)
  const domains = scores.domains.filter((d) => d.applies && d.applicableCriteria > 0 && d.answeredCriteria === d.applicableCriteria)
  if (domains.length === 0)
    return {
      problem: `Aucun domaine de « ${campaign.name} » n’a encore toutes ses réponses : un domaine est partagé quand toutes ses questions sont répondues.`,
    }
  return { share: { band: band.key as PopulationBandKey, scores: domains.map((d) => ({ domainId: d.domainId, score: d.done })) } }
}

/** Queues the current scores (when there are some) in the caller's transaction; returns why not otherwise. */
export function enqueueShare(environment: Pick<CoreEnvironment, 'referentiel' | 'now'>, db: Db, at: string): string | null {
  const result = benchmarkShare(environment, db)
  if ('problem' in result) return result.problem
  enqueue(db, { kind: 'benchmark', action: 'put', externalId: BENCHMARK_EXTERNAL_ID, label: SHARE_LABEL, payload: result.share }, at)
  return null
}

/** Queues the withdrawal of what the relay holds, in the caller's transaction (replacing a share not yet sent). */
export function enqueueWithdrawal(db: Db, at: string): void {
  enqueue(db, { kind: 'benchmark', action: 'delete', externalId: BENCHMARK_EXTERNAL_ID, label: WITHDRAW_LABEL }, at)
}

export function benchmarkOutboxRow(db: Db) {
  return outboxRowOf(db, 'benchmark', BENCHMARK_EXTERNAL_ID)
}
