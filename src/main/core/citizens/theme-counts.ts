/** How many citizens' contributions the mairie linked to each référentiel theme: the diagnostic's « demandes des citoyens ». */
import { and, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from '../db/open'
import { contributions } from '../db/schema'

/**
 * Per theme, the contributions linked to it that still stand: published or awaiting publication, whatever their
 * status. A hidden one (moderated away) or a duplicate of another does not count twice for the same demand.
 */
export function contributionCountsByTheme(db: Db): Map<string, number> {
  const rows = db
    .select({ themeId: contributions.themeId, n: sql<number>`count(*)` })
    .from(contributions)
    .where(and(isNotNull(contributions.themeId), ne(contributions.moderation, 'masquee'), isNull(contributions.duplicateOfId)))
    .groupBy(contributions.themeId)
    .all()
  return new Map(rows.map((r) => [r.themeId!, r.n]))
}
