/**
 * Resident-code batches: made and revoked on the relay (the codes come from it), kept here with their codes in clear
 * (the mairie's own data: letters are printed from this copy, backups carry it).
 */
import { asc, desc, eq } from 'drizzle-orm'
import type { ResidentBatchView } from '../../../shared/contract'
import type { residentBatchSchema } from '../../../shared/relay'
import { AppError } from '../../../shared/errors'
import type { z } from 'zod'
import type { Db } from '../db/open'
import { residentCodeBatches, residentCodes } from '../db/schema'

export type ResidentBatchRow = typeof residentCodeBatches.$inferSelect
type RelayBatch = z.infer<typeof residentBatchSchema>

export function getBatchRow(db: Db, id: number): ResidentBatchRow {
  const row = db.select().from(residentCodeBatches).where(eq(residentCodeBatches.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Ce lot de codes n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

export function listBatchRows(db: Db): ResidentBatchRow[] {
  return db.select().from(residentCodeBatches).orderBy(desc(residentCodeBatches.createdAt), desc(residentCodeBatches.id)).all()
}

/** A local batch with what the relay says of it (`relay`: its batches, null when it could not be asked). */
export function batchView(row: ResidentBatchRow, relayUrl: string | null, relay: RelayBatch[] | null): ResidentBatchView {
  const sameRelay = row.relayUrl === relayUrl
  const remote = sameRelay ? relay?.find((batch) => batch.id === row.relayId) : undefined
  return {
    id: row.id,
    label: row.label,
    count: row.count,
    used: remote?.used ?? null,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    revokedAt: row.revokedAt ?? (remote?.revokedAt ? remote.revokedAt : null),
    revokedBy: row.revokedBy,
    otherRelay: relayUrl !== null && !sameRelay,
  }
}

/** Stores a batch the relay just made, with its codes in the relay's order. */
export function storeBatch(
  db: Db,
  batch: { relayUrl: string; relayId: number; label: string; codes: string[] },
  at: string,
  by: string,
): ResidentBatchRow {
  const row = db
    .insert(residentCodeBatches)
    .values({ relayUrl: batch.relayUrl, relayId: batch.relayId, label: batch.label, count: batch.codes.length, createdAt: at, createdBy: by })
    .returning()
    .get()
  for (let i = 0; i < batch.codes.length; i += 500) {
    db.insert(residentCodes)
      .values(batch.codes.slice(i, i + 500).map((code, offset) => ({ batchId: row.id, position: i + offset, code })))
      .run()
  }
  return row
}

export function markRevoked(db: Db, id: number, at: string, by: string): ResidentBatchRow {
  return db.update(residentCodeBatches).set({ revokedAt: at, revokedBy: by }).where(eq(residentCodeBatches.id, id)).returning().get()!
}

export function batchCodes(db: Db, id: number): string[] {
  return db
    .select({ code: residentCodes.code })
    .from(residentCodes)
    .where(eq(residentCodes.batchId, id))
    .orderBy(asc(residentCodes.position))
    .all()
    .map((row) => row.code)
}
