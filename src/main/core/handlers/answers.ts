import { and, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import { answers } from '../db/schema'
import { evidenceOf, readAnswer, toAnswer, type AnswerRow } from '../diagnostic/answers'
import { assertOpen, getCampaignRow } from '../diagnostic/read'
import type { HandlersOf } from '../handler'

export const answersHandlers: HandlersOf<'answers'> = {
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
        answeredBy: context.actor.displayName,
        answeredAt: at,
      }
      const audit = new AuditTrail(tx, context.actor, at)
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
