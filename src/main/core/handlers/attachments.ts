import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { attachments } from '../db/schema'
import { openStoredFile } from '../file-store/open'
import { decodeUpload, displayFileName, sha256, typeFromBytes, storedFileContent, storeFile } from '../file-store/store'
import { deleteUnusedFiles } from '../file-store/usage'
import type { HandlersOf } from '../handler'
import { assertTaskInProject, getProjectRow, toAttachment, touchProject } from '../projects/queries'
import { projectTrail } from '../projects/trail'

type AttachmentRow = typeof attachments.$inferSelect

function getAttachmentRow(db: Db, id: number): AttachmentRow {
  const row = db.select().from(attachments).where(eq(attachments.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Ce document n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

export const attachmentsHandlers: HandlersOf<'attachments'> = {
  /** Stores the bytes once per content in `pieces-jointes/` (shared with the diagnostic's evidence). */
  'attachments.add': async ({ projectId, taskId, fileName, contentBase64 }, context) => {
    const bytes = decodeUpload(contentBase64)
    const { fileName: name, mimeType } = await typeFromBytes(bytes, displayFileName(fileName))
    getProjectRow(context.db, projectId)
    if (taskId !== null) assertTaskInProject(context.db, taskId, projectId)

    const hash = sha256(bytes)
    storeFile(context.dataDir, hash, bytes)
    const at = context.now().toISOString()
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
            mimeType,
            size: bytes.length,
            sha256: hash,
            addedAt: at,
            addedBy: context.actor.displayName,
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

  'attachments.get': ({ id }, { db, dataDir }) => storedFileContent(dataDir, getAttachmentRow(db, id)),

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
