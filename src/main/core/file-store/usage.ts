/**
 * Which stored files rows still point to: a project's documents, the diagnostic's evidence and the attestations of
 * the élus' trainings and the photos citizens sent share the store.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../db/open'
import { attachments, contributionPhotos, evidence, trainings } from '../db/schema'
import { deleteStoredFile } from './store'

/** True while an attachment, a piece of evidence, an attestation or a citizen's photo points to these bytes. */
export function fileHashInUse(db: Db, hash: string): boolean {
  return (
    db.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, hash)).get() !== undefined ||
    db.select({ id: evidence.id }).from(evidence).where(eq(evidence.sha256, hash)).get() !== undefined ||
    db.select({ id: trainings.id }).from(trainings).where(eq(trainings.attestationSha256, hash)).get() !== undefined ||
    db.select({ id: contributionPhotos.id }).from(contributionPhotos).where(eq(contributionPhotos.sha256, hash)).get() !== undefined
  )
}

/** Deletes the stored bytes of each hash that nothing points to any more (call after the transaction commits). */
export function deleteUnusedFiles(db: Db, dataDir: string, hashes: Iterable<string>): void {
  for (const hash of new Set(hashes)) if (!fileHashInUse(db, hash)) deleteStoredFile(dataDir, hash)
}
