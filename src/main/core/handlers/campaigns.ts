import { and, eq } from 'drizzle-orm'
import type { Answer, Evidence } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { AuditTrail, authorOf } from '../audit'
import type { Db } from '../db/open'
import { answers, campaigns, evidence } from '../db/schema'
import { actorName, assertOpen, campaignScores, getCampaignRow, listCampaignRows, parseSplit, toCampaign } from '../diagnostic/read'
import type { Handlers } from '../dispatcher'

type AnswerRow = typeof answers.$inferSelect
type EvidenceRow = typeof evidence.$inferSelect

export function toEvidence(row: EvidenceRow): Evidence {
  return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, addedAt: row.addedAt, addedBy: row.addedBy }
}

function toAnswer(row: AnswerRow, files: Evidence[]): Answer {
  return {
    campaignId: row.campaignId,
    criterionId: row.criterionId,
    status: row.status,
    split: parseSplit(row.split),
    comment: row.comment,
    answeredBy: row.answeredBy,
    answeredAt: row.answeredAt,
    evidence: files,
  }
}

function evidenceOf(db: Db, campaignId: number): Map<string, Evidence[]> {
  const byCriterion = new Map<string, Evidence[]>()
  for (const row of db.select().from(evidence).where(eq(evidence.campaignId, campaignId)).orderBy(evidence.id).all()) {
    const list = byCriterion.get(row.criterionId) ?? []
    list.push(toEvidence(row))
    byCriterion.set(row.criterionId, list)
  }
  return byCriterion
}

export function readAnswer(db: Db, row: AnswerRow): Answer {
  return toAnswer(row, evidenceOf(db, row.campaignId).get(row.criterionId) ?? [])
}

export const campaignHandlers: Pick<Handlers, 'campaigns.list' | 'campaigns.create' | 'campaigns.update' | 'answers.list' | 'answers.save'> = {
  /** Newest first, each with how far it is answered and its overall score. */
  'campaigns.list': (_input, context) => listCampaignRows(context.db).map((row) => toCampaign(row, campaignScores(context, context.db, row.id))),

  'campaigns.create': ({ name, copyFrom }, context) => {
    const version = context.referentiel().referentiel.version
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const source = copyFrom === null ? null : getCampaignRow(tx, copyFrom)
      const row = tx
        .insert(campaigns)
        .values({ name, referentielVersion: version, createdAt: at, createdBy: actorName(context), closedAt: null })
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
      new AuditTrail(tx, authorOf(context.actor), at).created('campaign', row.id, {
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
      const after = tx.update(campaigns).set({ name, closedAt }).where(eq(campaigns.id, id)).returning().get()
      new AuditTrail(tx, authorOf(context.actor), at).updated('campaign', id, before, { name, closedAt })
      return toCampaign(after, campaignScores(context, tx, id))
    })
  },

  'answers.list': ({ campaignId }, { db }) => {
    getCampaignRow(db, campaignId)
    const files = evidenceOf(db, campaignId)
    return db
      .select()
      .from(answers)
      .where(eq(answers.campaignId, campaignId))
      .orderBy(answers.id)
      .all()
      .map((row) => toAnswer(row, files.get(row.criterionId) ?? []))
  },

  'answers.save': ({ campaignId, criterionId, status, split, comment }, context) => {
    if (!context.referentiel().criteria.has(criterionId)) {
      throw new AppError('NOT_FOUND', "Ce critère n'existe pas dans le référentiel de Cap Commune : rechargez la page du diagnostic.")
    }
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      assertOpen(getCampaignRow(tx, campaignId))
      const values = {
        status,
        // Only a partial answer has shares.
        split: status === 'partiel' && split ? JSON.stringify(split) : null,
        comment,
        answeredBy: actorName(context),
        answeredAt: at,
      }
      const audit = new AuditTrail(tx, authorOf(context.actor), at)
      const before = tx
        .select()
        .from(answers)
        .where(and(eq(answers.campaignId, campaignId), eq(answers.criterionId, criterionId)))
        .get()
      let row: AnswerRow
      if (before) {
        row = tx.update(answers).set(values).where(eq(answers.id, before.id)).returning().get()
        audit.updated('answer', row.id, before, { status: values.status, split: values.split, comment: values.comment })
      } else {
        row = tx
          .insert(answers)
          .values({ campaignId, criterionId, ...values })
          .returning()
          .get()
        audit.created('answer', row.id, row)
      }
      return readAnswer(tx, row)
    })
  },
}
