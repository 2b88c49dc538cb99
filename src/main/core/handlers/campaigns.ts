import { eq } from 'drizzle-orm'
import { AuditTrail } from '../audit'
import { answers, campaigns, evidence } from '../db/schema'
import { assertOpen, campaignScores, freezeNow, getCampaignRow, listCampaignRows, toCampaign } from '../diagnostic/read'
import type { HandlersOf } from '../handler'

export const campaignsHandlers: HandlersOf<'campaigns'> = {
  /** Newest first, each with how far it is answered and its overall score. */
  'campaigns.list': (_input, context) => listCampaignRows(context.db).map((row) => toCampaign(row, campaignScores(context, context.db, row.id))),

  'campaigns.create': ({ name, copyFrom }, context) => {
    const version = context.referentiel().referentiel.version
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const source = copyFrom === null ? null : getCampaignRow(tx, copyFrom)
      const row = tx
        .insert(campaigns)
        .values({ name, referentielVersion: version, createdAt: at, createdBy: context.actor.displayName, closedAt: null })
        .returning()
        .get()
      let copied = 0
      if (source) {
        // The answers keep their author and date: they were given then. Attached files follow (same stored bytes).
        const previous = tx.select().from(answers).where(eq(answers.campaignId, source.id)).all()
        for (const { id: _id, campaignId: _campaign, ...answer } of previous)
          tx.insert(answers)
            .values({ ...answer, campaignId: row.id })
            .run()
        copied = previous.length
        for (const { id: _id, campaignId: _campaign, ...file } of tx.select().from(evidence).where(eq(evidence.campaignId, source.id)).all()) {
          tx.insert(evidence)
            .values({ ...file, campaignId: row.id })
            .run()
        }
      }
      new AuditTrail(tx, context.actor, at).created('campaign', row.id, {
        ...row,
        copiedFrom: source ? { id: source.id, name: source.name, answers: copied } : null,
      })
      return toCampaign(row, campaignScores(context, tx, row.id))
    })
  },

  /** Renames, closes (no more changes to its answers) or reopens a campaign. */
  'campaigns.update': ({ id, name, closed }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = getCampaignRow(tx, id)
      const closedAt = closed ? (before.closedAt ?? at) : null
      // Closing freezes what the campaign shows; reopening lets it follow the current référentiel again.
      const frozen = closed ? before.frozen : null
      tx.update(campaigns).set({ name, closedAt, frozen }).where(eq(campaigns.id, id)).run()
      if (closed && before.closedAt === null) freezeNow(context, tx, id)
      const after = getCampaignRow(tx, id)
      new AuditTrail(tx, context.actor, at).updated('campaign', id, before, { name, closedAt })
      return toCampaign(after, campaignScores(context, tx, id))
    })
  },

  'campaigns.adoptVersion': ({ id }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = getCampaignRow(tx, id)
      assertOpen(before)
      const referentielVersion = context.referentiel().referentiel.version
      tx.update(campaigns).set({ referentielVersion }).where(eq(campaigns.id, id)).run()
      new AuditTrail(tx, context.actor, at).updated('campaign', id, before, { referentielVersion })
      return toCampaign(getCampaignRow(tx, id), campaignScores(context, tx, id))
    })
  },
}
