/**
 * Projects shown on the citizen portal: what the relay receives is built here from the project and the fields the
 * mairie ticked, and queued in the outbox in the caller's transaction. Every project write calls
 * `republishProject`, which queues a new version only when a shown field changed.
 */
import { eq, sql } from 'drizzle-orm'
import type { ProjectInput } from '../../../shared/relay'
import type { LoadedReferentiel } from '../referentiel/load'
import type { Db } from '../db/open'
import type { PublishableProjectField } from '../../../shared/contract'
import { portalPublications, projects, projectThemes } from '../db/schema'
import { progressOf } from '../projects/rules'
import { enqueue } from './outbox'

export type PublicationRow = typeof portalPublications.$inferSelect

export function projectExternalId(projectId: number): string {
  return `projet-${projectId}`
}

export function publicationOf(db: Db, projectId: number): PublicationRow | null {
  return db.select().from(portalPublications).where(eq(portalPublications.projectId, projectId)).get() ?? null
}

export function fieldsOf(row: PublicationRow): PublishableProjectField[] {
  return JSON.parse(row.fields) as PublishableProjectField[]
}

/** The relay body of a project with the chosen fields only; the others are sent empty, so the portal never shows them. */
export function projectPayload(
  db: Db,
  referentiel: () => LoadedReferentiel,
  projectId: number,
  fields: readonly PublishableProjectField[],
): ProjectInput | null {
  const row = db.select().from(projects).where(eq(projects.id, projectId)).get()
  if (!row) return null
  const shown = new Set(fields)
  let progress: number | null = null
  if (shown.has('progress')) {
    const tasks = db.get<{ done: number; all: number }>(
      sql`SELECT count(*) FILTER (WHERE status = 'faite') AS done, count(*) AS "all" FROM tasks WHERE project_id = ${projectId}`,
    )
    progress = progressOf(tasks.done, tasks.all)
  }
  let theme: string | null = null
  if (shown.has('theme')) {
    const themeIds = db
      .select({ themeId: projectThemes.themeId })
      .from(projectThemes)
      .where(eq(projectThemes.projectId, projectId))
      .orderBy(projectThemes.themeId)
      .all()
    const themes = referentiel().themes
    theme = themeIds.map(({ themeId }) => themes.get(themeId)?.theme.title).find((title) => title !== undefined) ?? null
  }
  return {
    title: row.title,
    summary: shown.has('summary') && row.description.trim() ? row.description.trim().slice(0, 4000) : null,
    status: row.status,
    progress,
    startDate: shown.has('dates') ? row.startOn : null,
    endDate: shown.has('dates') ? row.endOn : null,
    theme: theme ? theme.slice(0, 120) : null,
    topic: null,
    budgetCents: shown.has('budget') ? row.budgetPlannedCents : null,
  }
}

/** Publishes a project (or changes its fields): the publication row and the outbox item, in the caller's transaction. */
export function publishProject(
  db: Db,
  referentiel: () => LoadedReferentiel,
  projectId: number,
  fields: readonly PublishableProjectField[],
  by: string,
  at: string,
): PublicationRow {
  const payload = projectPayload(db, referentiel, projectId, fields)
  if (!payload) throw new Error(`projet ${projectId} introuvable`)
  const json = JSON.stringify(payload)
  const values = { externalId: projectExternalId(projectId), fields: JSON.stringify(fields), lastPayload: json, updatedAt: at }
  db.insert(portalPublications)
    .values({ projectId, ...values, publishedAt: at, publishedBy: by })
    .onConflictDoUpdate({ target: portalPublications.projectId, set: values })
    .run()
  enqueue(db, { kind: 'project', action: 'put', externalId: values.externalId, label: payload.title, payload }, at)
  return publicationOf(db, projectId)!
}

/** After a write to a project or its tasks: queues the new version if the project is published and a shown field changed. */
export function republishProject(db: Db, referentiel: () => LoadedReferentiel, projectId: number, at: string): void {
  const publication = publicationOf(db, projectId)
  if (!publication) return
  const payload = projectPayload(db, referentiel, projectId, fieldsOf(publication))
  if (!payload) return
  const json = JSON.stringify(payload)
  if (json === publication.lastPayload) return
  db.update(portalPublications).set({ lastPayload: json, updatedAt: at }).where(eq(portalPublications.projectId, projectId)).run()
  enqueue(db, { kind: 'project', action: 'put', externalId: publication.externalId, label: payload.title, payload }, at)
}

/** « Retirer du portail », or the project is deleted: the relay is asked to remove it. Returns whether it was published. */
export function withdrawProject(db: Db, projectId: number, label: string, at: string): boolean {
  const publication = publicationOf(db, projectId)
  if (!publication) return false
  db.delete(portalPublications).where(eq(portalPublications.projectId, projectId)).run()
  enqueue(db, { kind: 'project', action: 'delete', externalId: publication.externalId, label }, at)
  return true
}
