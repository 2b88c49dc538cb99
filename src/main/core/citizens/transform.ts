/** « Transformer en projet »: a proposal becomes a new project, written by the projects domain's own code. */
import { eq } from 'drizzle-orm'
import { projectInputSchema } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import { contributions } from '../db/schema'
import type { SignedInContext } from '../handler'
import { createProject } from '../projects/write'
import { contributionName, contributionRow } from './queries'

const TITLE_MAX = 200
const DESCRIPTION_MAX = 10_000

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}

/** Creates the project (title, the citizen's text, its theme and domain if linked), links both; returns its id. */
export function transformIntoProject(context: SignedInContext, id: number): number {
  const at = context.now().toISOString()
  return context.db.transaction((tx) => {
    const row = contributionRow(tx, id)
    if (row.kind !== 'proposition')
      throw new AppError(
        'INVALID_INPUT',
        'Seule une proposition peut devenir un projet : liez plutôt ce besoin ou ce commentaire à un projet existant.',
      )
    if (row.projectId !== null)
      throw new AppError('INVALID_INPUT', 'Cette proposition est déjà liée à un projet : ouvrez-le depuis le panneau, ou retirez d’abord le lien.')
    const linked = row.themeId ? context.referentiel().themes.get(row.themeId) : undefined
    const input = projectInputSchema.parse({
      title: cut(contributionName(row).trim() || 'Proposition d’un habitant', TITLE_MAX),
      description: cut(row.body, DESCRIPTION_MAX),
      domainId: linked?.domain.id ?? null,
      themeIds: linked ? [linked.theme.id] : [],
    })
    const projectId = createProject(context, tx, input, at)
    tx.update(contributions).set({ projectId }).where(eq(contributions.id, id)).run()
    new AuditTrail(tx, context.actor, at).updated('contribution', id, row, { ...row, projectId })
    return projectId
  })
}
