/**
 * Which stored files rows still point to: a project's documents, the diagnostic's evidence and the attestations of
 * the élus' trainings and the photos citizens sent share the store.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../db/open'
import { deleteStoredFile } from './store'

/**
 * Every column that points into the store, with the column holding the file's size. Backups, archives and the
 * disk-space estimate copy exactly these files: a table added here is saved, one forgotten is lost at the next
 * restore (file-store/usage.test.ts fails on any `*sha256` column missing from this list).
 */
export const STORED_FILE_SOURCES: readonly { table: string; hash: string; size: string }[] = [
  { table: 'attachments', hash: 'sha256', size: 'size' },
  { table: 'evidence', hash: 'sha256', size: 'size' },
  { table: 'trainings', hash: 'attestation_sha256', size: 'attestation_size' },
  { table: 'contribution_photos', hash: 'sha256', size: 'bytes' },
]

/** The distinct stored files the live database points to, with their size. */
export const STORED_FILES_SQL = `SELECT sha256, max(size) AS size FROM (${STORED_FILE_SOURCES.map(
  (s) => `SELECT ${s.hash} AS sha256, ${s.size} AS size FROM ${s.table} WHERE ${s.hash} IS NOT NULL`,
).join(' UNION ALL ')}) GROUP BY sha256`

/** True while an attachment, a piece of evidence, an attestation or a citizen's photo points to these bytes. */
export function fileHashInUse(db: Db, hash: string): boolean {
  const pointers = STORED_FILE_SOURCES.map((s) => sql`SELECT 1 FROM ${sql.identifier(s.table)} WHERE ${sql.identifier(s.hash)} = ${hash}`)
  return db.get<{ used: number }>(sql`SELECT EXISTS (${sql.join(pointers, sql` UNION ALL `)}) AS used`).used === 1
}

/** Deletes the stored bytes of each hash that nothing points to any more (call after the transaction commits). */
export function deleteUnusedFiles(db: Db, dataDir: string, hashes: Iterable<string>): void {
  for (const hash of new Set(hashes)) if (!fileHashInUse(db, hash)) deleteStoredFile(dataDir, hash)
}
