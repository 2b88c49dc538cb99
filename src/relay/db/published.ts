import { sql } from 'drizzle-orm'
import { queryRows, type Queryable } from './open'

/** « Retirer du portail »: the row stays (answers and comments refer to it) and is no longer shown. */
export async function withdrawPublished(
  db: Queryable,
  table: 'projects' | 'news' | 'polls',
  communeCode: string,
  externalId: string,
): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`UPDATE ${sql.identifier(table)} SET removed_at = now() WHERE commune_code = ${communeCode} AND external_id = ${externalId} AND removed_at IS NULL RETURNING id`,
  )
  return rows.length > 0
}
