/**
 * Which stored files rows still point to: a project's documents, the diagnostic's evidence and the attestations of
 * the élus' trainings share the store.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../db/open'
import { attachments, evidence, trainings } from '../db/schema'
import { deleteStoredFile } from './store'

/** True while an attachment, a piece of evidence or an attestation points to these bytes. */
export function fileHashInUse(db: Db, hash: string): boolean {
  return (
    db.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, hash)).get() !== undefined ||
    db.select({ id: evidence.id }).from(evidence).where(eq(evidence.sha256, hash)).get() !== undefined ||
    db.select({ id: trainings.id }).from(trainings).where(eq(trainings.attestationSha256, hash)).get() !== undefined
  )
}

/** Deletes the stored bytes of each hash that nothing points to any more (call after the transaction commits). */
export function deleteUnusedFiles(db: Db, dataDir: string, hashes: Iterable<string>): void {
  for (const hash of new Set(hashes)) if (!fileHashInUse(db, hash)) deleteStoredFile(dataDir, hash)
}
