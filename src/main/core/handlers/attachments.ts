import { eq } from 'drizzle-orm'
import { MAX_EVIDENCE_BYTES } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { attachments } from '../db/schema'
import { decodeBase64, displayFileName, mimeTypeOf, readEvidence, sha256, storeEvidence } from '../diagnostic/files'
import { openStoredFile } from '../diagnostic/open-file'
import type { Handlers } from '../dispatcher'
import { deleteUnusedFiles } from '../projects/files'
import { getProjectRow, toAttachment, touchProject } from '../projects/queries'
import { actorName, projectTrail } from '../projects/trail'
import { assertTaskInProject } from './comments'

type AttachmentRow = typeof attachments.$inferSelect

function getAttachmentRow(db: Db, id: number): AttachmentRow {
  const row = db.select().from(attachments).where(eq(attachments.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Ce document n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message, [{ path: 'contentBase64', message }])
}

export const attachmentHandlers: Pick<Handlers, 'attachments.add' | 'attachments.get' | 'attachments.open' | 'attachments.remove'> = {
  /** Stores the bytes once per content in `pieces-jointes/` (shared with the diagnostic's evidence). */
  'attachments.add': ({ projectId, taskId, fileName, contentBase64 }, context) => {
    const bytes = decodeBase64(contentBase64)
    if (bytes === null) throw invalid("Le fichier n'a pas pu être lu : il est mal transmis. Joignez-le à nouveau.")
    if (bytes.length === 0) throw invalid('Le fichier est vide.')
    if (bytes.length > MAX_EVIDENCE_BYTES) throw invalid('Le fichier dépasse 20 Mo : joignez un fichier plus léger.')
    getProjectRow(context.db, projectId)
    if (taskId !== null) assertTaskInProject(context.db, taskId, projectId)

    const hash = sha256(bytes)
    storeEvidence(context.dataDir, hash, bytes)
    const at = context.now().toISOString()
    const name = displayFileName(fileName)
    try {
      return context.db.transaction((tx) => {
        getProjectRow(tx, projectId)
        if (taskId !== null) assertTaskInProject(tx, taskId, projectId)
        const row = tx
          .insert(attachments)
          .values({
            projectId,
            taskId,
            fileName: name,
            mimeType: mimeTypeOf(name),
            size: bytes.length,
            sha256: hash,
            addedAt: at,
            addedBy: actorName(context),
          })
          .returning()
          .get()
        touchProject(tx, projectId, at)
        projectTrail(context, tx, at, projectId).created('attachment', row.id, row)
        return toAttachment(row)
      })
    } catch (error) {
      // Nothing was recorded: do not keep bytes that no row points to.
      deleteUnusedFiles(context.db, context.dataDir, [hash])
      throw error
    }
  },

  'attachments.get': ({ id }, { db, dataDir }) => {
    const row = getAttachmentRow(db, id)
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
  'attachments.open': ({ id }, context) => openStoredFile(context, getAttachmentRow(context.db, id)),

  /** Removes the document; its bytes go when no other document or piece of evidence has the same content. */
  'attachments.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    const hash = context.db.transaction((tx) => {
      const row = getAttachmentRow(tx, id)
      tx.delete(attachments).where(eq(attachments.id, id)).run()
      touchProject(tx, row.projectId, at)
      projectTrail(context, tx, at, row.projectId).deleted('attachment', id, row)
      return row.sha256
    })
    deleteUnusedFiles(context.db, context.dataDir, [hash])
    return { ok: true as const }
  },
}
