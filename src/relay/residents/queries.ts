/** Single-use resident codes handed out by the mairie (on paper, at the counter): batches, revocation, redemption. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { RelayDb } from '../db/open'
import { citizens, residentBatches, residentCodes } from '../db/schema'
import { notFound, RelayHttpError } from '../http/errors'
import { hashCode, humanCode } from '../security/secrets'

const BATCH_COLUMNS = {
  id: residentBatches.id,
  label: residentBatches.label,
  count: residentBatches.count,
  createdAt: residentBatches.createdAt,
  revokedAt: residentBatches.revokedAt,
  used: sql<number>`(select count(*)::int from resident_codes c where c.batch_id = ${residentBatches.id} and c.used_at is not null)`,
}

type Batch = { id: number; label: string; count: number; used: number; createdAt: string; revokedAt: string | null }

async function batchRow(db: RelayDb, communeCode: string, id: number): Promise<Batch | null> {
  const [row] = await db
    .select(BATCH_COLUMNS)
    .from(residentBatches)
    .where(and(eq(residentBatches.communeCode, communeCode), eq(residentBatches.id, id)))
  return row ? toBatch(row) : null
}

function toBatch(row: { id: number; label: string; count: number; used: number; createdAt: Date; revokedAt: Date | null }): Batch {
  return { ...row, used: Number(row.used), createdAt: row.createdAt.toISOString(), revokedAt: row.revokedAt?.toISOString() ?? null }
}

export async function createBatch(db: RelayDb, communeCode: string, label: string, count: number): Promise<Batch & { codes: string[] }> {
  const codes = new Set<string>()
  while (codes.size < count) codes.add(humanCode(3))
  const id = await db.transaction(async (tx) => {
    const [batch] = await tx.insert(residentBatches).values({ communeCode, label, count }).returning({ id: residentBatches.id })
    const all = [...codes]
    for (let i = 0; i < all.length; i += 500) {
      await tx.insert(residentCodes).values(all.slice(i, i + 500).map((code) => ({ communeCode, batchId: batch!.id, codeHash: hashCode(code) })))
    }
    return batch!.id
  })
  return { ...(await batchRow(db, communeCode, id))!, codes: [...codes] }
}

export async function listBatches(db: RelayDb, communeCode: string): Promise<Batch[]> {
  const rows = await db
    .select(BATCH_COLUMNS)
    .from(residentBatches)
    .where(eq(residentBatches.communeCode, communeCode))
    .orderBy(desc(residentBatches.id))
  return rows.map(toBatch)
}

/** Unused codes of the batch stop working; citizens already verified with it stay verified. */
export async function revokeBatch(db: RelayDb, communeCode: string, id: number): Promise<Batch> {
  const rows = await db
    .update(residentBatches)
    .set({ revokedAt: sql`coalesce(${residentBatches.revokedAt}, now())` })
    .where(and(eq(residentBatches.communeCode, communeCode), eq(residentBatches.id, id)))
    .returning({ id: residentBatches.id })
  if (!rows.length) throw notFound('Ce lot de codes')
  return (await batchRow(db, communeCode, id))!
}

/** Consumes a code (one atomic update) and marks the citizen as a verified resident. */
export async function redeemCode(db: RelayDb, communeCode: string, citizenId: number, typed: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [used] = await tx
      .update(residentCodes)
      .set({ usedBy: citizenId, usedAt: sql`now()` })
      .where(
        and(
          eq(residentCodes.communeCode, communeCode),
          eq(residentCodes.codeHash, hashCode(typed)),
          isNull(residentCodes.usedAt),
          sql`NOT EXISTS (SELECT 1 FROM resident_batches b WHERE b.id = ${residentCodes.batchId} AND b.revoked_at IS NOT NULL)`,
        ),
      )
      .returning({ id: residentCodes.id })
    if (!used) {
      throw new RelayHttpError(
        400,
        'code_habitant_invalide',
        'Ce code n’est pas valable : il est inconnu, a déjà servi ou a été révoqué. Vérifiez-le ou demandez-en un à la mairie.',
      )
    }
    await tx
      .update(citizens)
      .set({ residentVerifiedAt: sql`now()` })
      .where(and(eq(citizens.id, citizenId), eq(citizens.communeCode, communeCode)))
  })
}
