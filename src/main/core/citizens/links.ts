/**
 * The mairie's own organisation of what citizens sent: a linked project, a référentiel theme, the original a
 * contribution repeats. Kept on this computer only (never sent to the relay) and written in the journal.
 */
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import type { CoreEnvironment } from '../context'
import type { Db } from '../db/open'
import { contributions, projects } from '../db/schema'
import type { SignedInContext } from '../handler'
import { contributionName, contributionRow } from './queries'
import { contributionsMatch } from './search-index'

type LinkInput = Omit<ParsedInput<'citizens.link'>, 'id'>

function refused(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, [{ path, message }])
}

/**
 * The original `duplicateOfId` stands for: a duplicate's own original, so that there are never chains. Refuses the
 * contribution itself and a loop (its own duplicate as original).
 */
function originalOf(db: Db, id: number, duplicateOfId: number): number {
  if (duplicateOfId === id)
    throw refused('duplicateOfId', 'Une contribution ne peut pas être le doublon d’elle-même : choisissez une autre contribution.')
  const target = db.select().from(contributions).where(eq(contributions.id, duplicateOfId)).get()
  if (!target) throw refused('duplicateOfId', 'La contribution d’origine choisie n’existe plus : rechargez la page et choisissez-en une autre.')
  const original = target.duplicateOfId ?? target.id
  if (original === id)
    throw refused(
      'duplicateOfId',
      `« ${contributionName(target)} » est déjà marquée comme doublon de celle-ci : retirez d’abord ce doublon-là, puis recommencez.`,
    )
  return original
}

/** Writes the links asked for (a field left out is kept) and their journal lines, in one transaction. */
export function linkContribution(context: SignedInContext, id: number, input: LinkInput): void {
  const at = context.now().toISOString()
  context.db.transaction((tx) => {
    const before = contributionRow(tx, id)
    const after = { projectId: before.projectId, themeId: before.themeId, duplicateOfId: before.duplicateOfId }
    if (input.projectId !== undefined) {
      if (input.projectId !== null && !tx.select({ id: projects.id }).from(projects).where(eq(projects.id, input.projectId)).get())
        throw refused('projectId', 'Le projet choisi n’existe plus : il a peut-être été supprimé. Rechargez la page et choisissez-en un autre.')
      after.projectId = input.projectId
    }
    if (input.themeId !== undefined) {
      if (input.themeId !== null && !context.referentiel().themes.has(input.themeId))
        throw refused('themeId', 'Ce thème n’existe pas dans le référentiel de Cap Commune : rechargez la page.')
      after.themeId = input.themeId
    }
    if (input.duplicateOfId !== undefined) after.duplicateOfId = input.duplicateOfId === null ? null : originalOf(tx, id, input.duplicateOfId)
    if (after.projectId === before.projectId && after.themeId === before.themeId && after.duplicateOfId === before.duplicateOfId) return
    const trail = new AuditTrail(tx, context.actor, at)
    tx.update(contributions).set(after).where(eq(contributions.id, id)).run()
    trail.updated('contribution', id, before, { ...before, ...after })
    // Its own duplicates follow it to the new original: still no chains.
    if (after.duplicateOfId !== null) {
      for (const child of tx.select().from(contributions).where(eq(contributions.duplicateOfId, id)).all()) {
        tx.update(contributions).set({ duplicateOfId: after.duplicateOfId }).where(eq(contributions.id, child.id)).run()
        trail.updated('contribution', child.id, child, { ...child, duplicateOfId: after.duplicateOfId })
      }
    }
  })
}

const CANDIDATES = 20

/** What a contribution may repeat: the others that are not duplicates themselves, newest first, searched by words. */
export function duplicateCandidates(environment: Pick<CoreEnvironment, 'db'>, id: number, search: string) {
  const { db } = environment
  contributionRow(db, id)
  const match = contributionsMatch(search)
  const rows = db
    .select({
      id: contributions.id,
      title: contributions.title,
      body: contributions.body,
      kind: contributions.kind,
      createdAt: contributions.createdAt,
    })
    .from(contributions)
    .where(
      and(
        ne(contributions.id, id),
        isNull(contributions.duplicateOfId),
        match ? sql`${contributions.id} IN (SELECT rowid >> 4 FROM contributions_fts WHERE contributions_fts MATCH ${match})` : undefined,
      ),
    )
    .orderBy(desc(contributions.createdAt), desc(contributions.id))
    .limit(CANDIDATES)
    .all()
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: contributionName(row),
      excerpt: row.body.length > 160 ? `${row.body.slice(0, 160).trimEnd()}…` : row.body,
      kind: row.kind,
      createdAt: row.createdAt,
    })),
  }
}
