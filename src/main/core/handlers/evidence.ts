import { and, eq } from 'drizzle-orm'
import { MAX_EVIDENCE_BYTES } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { AuditTrail, authorOf } from '../audit'
import type { Db } from '../db/open'
import { answers, evidence } from '../db/schema'
import { decodeBase64, deleteEvidence, displayFileName, mimeTypeOf, readEvidence, sha256, storeEvidence } from '../diagnostic/files'
import { actorName, assertOpen, getCampaignRow } from '../diagnostic/read'
import { openStoredFile } from '../diagnostic/open-file'
import type { Handlers } from '../dispatcher'
import { toEvidence } from './campaigns'
import { fileHashInUse } from '../projects/files'

type EvidenceRow = typeof evidence.$inferSelect

function getEvidenceRow(db: Db, id: number): EvidenceRow {
  const row = db.select().from(evidence).where(eq(evidence.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette pièce jointe n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message, [{ path: 'contentBase64', message }])
}

export const evidenceHandlers: Pick<Handlers, 'evidence.add' | 'evidence.get' | 'evidence.open' | 'evidence.remove'> = {
  /** Attaches a file to an answer (an answer « non renseigné » is created if the criterion has none yet). */
  'evidence.add': ({ campaignId, criterionId, fileName, contentBase64 }, context) => {
    if (!context.referentiel().criteria.has(criterionId)) {
      throw new AppError('NOT_FOUND', "Ce critère n'existe pas dans le référentiel de Cap Commune : rechargez la page du diagnostic.")
    }
    const bytes = decodeBase64(contentBase64)
    if (bytes === null) throw invalid("Le fichier n'a pas pu être lu : il est mal transmis. Joignez-le à nouveau.")
    if (bytes.length === 0) throw invalid('Le fichier est vide.')
    if (bytes.length > MAX_EVIDENCE_BYTES) throw invalid('Le fichier dépasse 20 Mo : joignez un fichier plus léger.')
    assertOpen(getCampaignRow(context.db, campaignId))

    const hash = sha256(bytes)
    const created = storeEvidence(context.dataDir, hash, bytes)
    const at = context.now().toISOString()
    const name = displayFileName(fileName)
    try {
      return context.db.transaction((tx) => {
        assertOpen(getCampaignRow(tx, campaignId))
        const audit = new AuditTrail(tx, authorOf(context.actor), at)
        const answer = tx
          .select({ id: answers.id })
          .from(answers)
          .where(and(eq(answers.campaignId, campaignId), eq(answers.criterionId, criterionId)))
          .get()
        if (!answer) {
          const row = tx
            .insert(answers)
            .values({ campaignId, criterionId, status: 'non_renseigne', split: null, comment: '', answeredBy: actorName(context), answeredAt: at })
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
            mimeType: mimeTypeOf(name),
            size: bytes.length,
            sha256: hash,
            addedAt: at,
            addedBy: actorName(context),
          })
          .returning()
          .get()
        audit.created('evidence', row.id, row)
        return toEvidence(row)
      })
    } catch (error) {
      // Nothing was recorded: do not keep bytes that no row points to.
      if (created && !fileHashInUse(context.db, hash)) deleteEvidence(context.dataDir, hash)
      throw error
    }
  },

  'evidence.get': ({ id }, { db, dataDir }) => {
    const row = getEvidenceRow(db, id)
    const bytes = readEvidence(dataDir, row.sha256)
    if (bytes === null) {
      throw new AppError(
        'NOT_FOUND',
        `Le fichier « ${row.fileName} » est introuvable dans le dossier de données (pieces-jointes). Joignez-le à nouveau.`,
      )
    }
    return { fileName: row.fileName, mimeType: row.mimeType, contentBase64: bytes.toString('base64') }
  },

  /** A copy in the temporary folder, opened with the computer's viewer; `opened: false` where the host has none. */
  'evidence.open': ({ id }, context) => openStoredFile(context, getEvidenceRow(context.db, id)),

  /** Removes the attachment; its bytes go when no other attachment has the same content. */
  'evidence.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    const hash = context.db.transaction((tx) => {
      const row = getEvidenceRow(tx, id)
      assertOpen(getCampaignRow(tx, row.campaignId))
      tx.delete(evidence).where(eq(evidence.id, id)).run()
      new AuditTrail(tx, authorOf(context.actor), at).deleted('evidence', id, row)
      return row.sha256
    })
    if (!fileHashInUse(context.db, hash)) deleteEvidence(context.dataDir, hash)
    return { ok: true as const }
  },
}
