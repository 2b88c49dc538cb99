/** A campaign's answers and their attached files, as the answers and evidence handlers give them. */
import { eq } from 'drizzle-orm'
import type { Answer, Evidence } from '../../../shared/contract'
import type { Db } from '../db/open'
import { answers, evidence } from '../db/schema'
import { parseSplit } from './read'

export type AnswerRow = typeof answers.$inferSelect
export type EvidenceRow = typeof evidence.$inferSelect

export function toEvidence(row: EvidenceRow): Evidence {
  return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, addedAt: row.addedAt, addedBy: row.addedBy }
}

export function toAnswer(row: AnswerRow, files: Evidence[]): Answer {
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

export function evidenceOf(db: Db, campaignId: number): Map<string, Evidence[]> {
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
