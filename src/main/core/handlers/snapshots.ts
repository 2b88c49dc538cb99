import { desc, eq } from 'drizzle-orm'
import type { ScoreTree } from '../../../shared/contract'
import { AuditTrail } from '../audit'
import { campaigns, snapshots } from '../db/schema'
import { campaignScores, getCampaignRow } from '../diagnostic/read'
import type { HandlersOf } from '../handler'

export const snapshotsHandlers: HandlersOf<'snapshots'> = {
  /** Newest first. */
  'snapshots.list': (_input, { db }) =>
    db
      .select({
        id: snapshots.id,
        campaignId: snapshots.campaignId,
        campaignName: campaigns.name,
        label: snapshots.label,
        takenAt: snapshots.takenAt,
        takenBy: snapshots.takenBy,
        scores: snapshots.scores,
      })
      .from(snapshots)
      .innerJoin(campaigns, eq(campaigns.id, snapshots.campaignId))
      .orderBy(desc(snapshots.takenAt), desc(snapshots.id))
      .all()
      .map(({ scores, ...rest }) => ({ ...rest, score: (JSON.parse(scores) as ScoreTree).overall.done })),

  /** Freezes the campaign's current scores, to compare with later. */
  'snapshots.take': ({ campaignId, label }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const campaign = getCampaignRow(tx, campaignId)
      const scores = campaignScores(context, tx, campaignId)
      const created = tx
        .insert(snapshots)
        .values({
          campaignId,
          label,
          takenAt: at,
          takenBy: context.actor.displayName,
          referentielVersion: scores.referentielVersion,
          scores: JSON.stringify(scores),
        })
        .returning()
        .get()
      const { scores: _frozen, ...audited } = created
      new AuditTrail(tx, context.actor, at).created('snapshot', created.id, { ...audited, score: scores.overall.done })
      return { id: created.id, campaignId, campaignName: campaign.name, label, takenAt: at, takenBy: created.takenBy, score: scores.overall.done }
    })
  },
}
