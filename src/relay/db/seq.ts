import { sql } from 'drizzle-orm'
import { queryRows, type RelayDb } from './open'

/**
 * The desktop's feed positions, given after commit rather than inside the writing transaction.
 *
 * A write the desktop must learn of (a contribution, a moderation decision, a poll answer, a removal) sets its row's
 * `seq` to null: « not yet numbered ». Writers take no shared lock, so one commune's votes commit side by side (and
 * share their WAL flushes) instead of queueing behind one counter row until each commit.
 *
 * Before reading, the feed numbers the pending rows: in its own transaction it locks the commune's row, then one
 * statement — whose snapshot is taken after the lock, so it sees every earlier numbering — gives the committed pending
 * rows `last_seq + 1, + 2, …` and advances `last_seq`. Why the cursor never skips a row: a number is given only to a
 * committed row, by a transaction that commits before any reader can see it, and always above every number given
 * before. A write committed later, or a row written again after being numbered (its seq back to null), gets a higher
 * number at the next pull — never one below a cursor already handed out. A write still in progress is simply not
 * visible to the sequencer, and is numbered by a later pull.
 *
 * Most pulls find nothing pending: one read without lock says so and the pull writes nothing (no lock, no commit). A
 * write committed after that read is numbered by a later pull, exactly as if it had committed after the numbering;
 * a numbering still in progress elsewhere leaves its rows pending to this read, which then waits for the lock.
 */
export async function numberPendingWrites(db: RelayDb, communeCode: string): Promise<void> {
  const [pending] = await queryRows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM inputs WHERE commune_code = ${communeCode} AND seq IS NULL)
        OR EXISTS (SELECT 1 FROM poll_answers WHERE commune_code = ${communeCode} AND seq IS NULL) AS any`,
  )
  if (!pending?.any) return
  await db.transaction(async (tx) => {
    const [commune] = await queryRows<{ last_seq: number | string }>(tx, sql`SELECT last_seq FROM communes WHERE code = ${communeCode} FOR UPDATE`)
    if (!commune) return
    await tx.execute(sql`
      WITH pending AS (
        SELECT 'i' AS source, id, updated_at FROM inputs WHERE commune_code = ${communeCode} AND seq IS NULL
        UNION ALL
        SELECT 'a' AS source, id, updated_at FROM poll_answers WHERE commune_code = ${communeCode} AND seq IS NULL
      ), numbered AS (
        SELECT source, id, ${Number(commune.last_seq)}::bigint + row_number() OVER (ORDER BY updated_at, source, id) AS seq FROM pending
      ), numbered_inputs AS (
        UPDATE inputs SET seq = n.seq FROM numbered n WHERE n.source = 'i' AND inputs.id = n.id RETURNING 1
      ), numbered_answers AS (
        UPDATE poll_answers SET seq = n.seq FROM numbered n WHERE n.source = 'a' AND poll_answers.id = n.id RETURNING 1
      )
      UPDATE communes SET last_seq = coalesce((SELECT max(seq) FROM numbered), last_seq)
      WHERE code = ${communeCode}`)
  })
}
