import { sql } from 'drizzle-orm'
import { queryRows, type RelayTx } from './open'

/**
 * The next position of a commune's change feed, taken inside the transaction that writes the row.
 * The UPDATE locks the commune's row until commit, so a commune's transactions that take a position commit in the
 * order of their positions: a reader that sees position n also sees every position below n. That is what lets the
 * desktop's cursor (`after`) never skip a row, even though PostgreSQL sequences commit out of order.
 */
export async function nextSeq(tx: RelayTx, communeCode: string): Promise<number> {
  const result = await queryRows<{ last_seq: number | string }>(
    tx,
    sql`UPDATE communes SET last_seq = last_seq + 1 WHERE code = ${communeCode} RETURNING last_seq`,
  )
  const row = result[0]
  if (!row) throw new Error(`commune inconnue : ${communeCode}`)
  return Number(row.last_seq)
}
