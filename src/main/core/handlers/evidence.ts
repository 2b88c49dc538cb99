import { and, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import type { Db } from '../db/open'
import { answers, evidence } from '../db/schema'
import { toEvidence } from '../diagnostic/answers'
import { assertOpen, getCampaignRow } from '../diagnostic/read'
import { openStoredFile } from '../file-store/open'
import { decodeUpload, displayFileName, sha256, typeFromBytes, storedFileContent, storeFile } from '../file-store/store'
import { deleteUnusedFiles } from '../file-store/usage'
import type { HandlersOf } from '../handler'

type EvidenceRow = typeof evidence.$inferSelect

function getEvidenceRow(db: Db, id: number): EvidenceRow {
  const row = db.select().from(evidence).where(eq(evidence.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette pièce jointe n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

export const evidenceHandlers: HandlersOf<'evidence'> = {
  /** Attaches a file to an answer (an answer « non renseigné » is created if the criterion has none yet). */
  'evidence.add': async ({ campaignId, criterionId, fileName, contentBase64 }, context) => {
    if (!context.referentiel().criteria.has(criterionId)) {
      throw new AppError('NOT_FOUND', "Ce critère n'existe pas dans le référentiel de Cap Commune : rechargez la page du diagnostic.")
    }
    const bytes = decodeUpload(contentBase64)
    const { fileName: name, mimeType } = await typeFromBytes(bytes, displayFileName(fileName))
    assertOpen(getCampaignRow(context.db, campaignId))

    const hash = sha256(bytes)
    const created = storeFile(context.dataDir, hash, bytes)
    const at = context.now().toISOString()
    try {
      return context.db.transaction((tx) => {
        assertOpen(getCampaignRow(tx, campaignId))
        const audit = new AuditTrail(tx, context.actor, at)
        const answer = tx
          .select({ id: answers.id })
          .from(answers)
          .where(and(eq(answers.campaignId, campaignId), eq(answers.criterionId, criterionId)))
          .get()
        if (!answer) {
          const row = tx
            .insert(answers)
            .values({
              campaignId,
              criterionId,
              status: 'non_renseigne',
              split: null,
              comment: '',
              answeredBy: context.actor.displayName,
              answeredAt: at,
            })
            .returning()
            .get()
          audit.created('answer', row.id, row)
        }
        const row = tx
          .insert(evidence)
          .values({
            campaignId,
            criterionId,
            fileName: name,
            mimeType,
            size: bytes.length,
            sha256: hash,
            addedAt: at,
            addedBy: context.actor.displayName,
          })
          .returning()
          .get()
        audit.created('evidence', row.id, row)
        return toEvidence(row)
      })
    } catch (error) {
      // Nothing was recorded: do not keep bytes that no row points to.
      if (created) deleteUnusedFiles(context.db, context.dataDir, [hash])
      throw error
    }
  },

  'evidence.get': ({ id }, { db, dataDir }) => storedFileContent(dataDir, getEvidenceRow(db, id)),

  /** A copy in the temporary folder, opened with the computer's viewer; `opened: false` where the host has none. */
  'evidence.open': ({ id }, context) => openStoredFile(context, getEvidenceRow(context.db, id)),

  /** Removes the attachment; its bytes go when no other attachment has the same content. */
  'evidence.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    const hash = context.db.transaction((tx) => {
      const row = getEvidenceRow(tx, id)
      assertOpen(getCampaignRow(tx, row.campaignId))
      tx.delete(evidence).where(eq(evidence.id, id)).run()
      new AuditTrail(tx, context.actor, at).deleted('evidence', id, row)
      return row.sha256
    })
    deleteUnusedFiles(context.db, context.dataDir, [hash])
    return { ok: true as const }
  },
}
