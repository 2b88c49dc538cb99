/** Writing a project and its links to the référentiel: shared by the projects domain and « Transformer en projet ». */
import { eq } from 'drizzle-orm'
import type { ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { projectCriteria, projects, projectThemes } from '../db/schema'
import type { HandlerContext, SignedInContext } from '../handler'
import { assertOrdered } from './dates'
import { assertMemberExists, criterionIdsOf, themeIdsOf, type ProjectRow } from './queries'
import { projectTrail } from './trail'

export type ProjectFields = ParsedInput<'projects.create'>

function notFound(path: string, message: string): AppError {
  return new AppError('NOT_FOUND', message, [{ path, message }])
}

/** Checks what the contract cannot: real dates, the référentiel's ids, a referent still in the team. */
export function checkProject(db: Db, context: HandlerContext, input: ProjectFields): { themeIds: string[]; criterionIds: string[] } {
  assertOrdered(input.startOn, input.endOn, 'endOn', 'La date de fin doit être après la date de début.')
  const { referentiel, themes, criteria } = context.referentiel()
  if (input.domainId !== null && !referentiel.domains.some((d) => d.id === input.domainId)) {
    throw notFound('domainId', "Ce domaine n'existe pas dans le référentiel de Cap Commune : rechargez la page.")
  }
  const themeIds = [...new Set(input.themeIds)]
  for (const [i, id] of themeIds.entries()) {
    if (!themes.has(id)) throw notFound(`themeIds.${i}`, `Le thème « ${id} » n'existe pas dans le référentiel de Cap Commune : rechargez la page.`)
  }
  const criterionIds = [...new Set(input.criterionIds)]
  for (const [i, id] of criterionIds.entries()) {
    if (!criteria.has(id))
      throw notFound(`criterionIds.${i}`, `Le critère « ${id} » n'existe pas dans le référentiel de Cap Commune : rechargez la page.`)
  }
  if (input.referentMemberId !== null) assertMemberExists(db, input.referentMemberId, 'referentMemberId')
  return { themeIds, criterionIds }
}

export function columnsOf(input: ProjectFields) {
  return {
    title: input.title,
    description: input.description,
    domainId: input.domainId,
    status: input.status,
    priority: input.priority,
    referentMemberId: input.referentMemberId,
    startOn: input.startOn,
    endOn: input.endOn,
    budgetPlannedCents: input.budgetPlannedCents,
    budgetCommittedCents: input.budgetCommittedCents,
    budgetSpentCents: input.budgetSpentCents,
  }
}

export function writeLinks(db: Db, projectId: number, themeIds: string[], criterionIds: string[]): void {
  db.delete(projectThemes).where(eq(projectThemes.projectId, projectId)).run()
  db.delete(projectCriteria).where(eq(projectCriteria.projectId, projectId)).run()
  if (themeIds.length > 0)
    db.insert(projectThemes)
      .values(themeIds.map((themeId) => ({ projectId, themeId })))
      .run()
  if (criterionIds.length > 0)
    db.insert(projectCriteria)
      .values(criterionIds.map((criterionId) => ({ projectId, criterionId })))
      .run()
}

/** A project as the audit trail records it: its columns and its links to the référentiel. */
export function auditValues(db: Db, row: ProjectRow) {
  return { ...row, themeIds: themeIdsOf(db, row.id), criterionIds: criterionIdsOf(db, row.id) }
}

/** Creates the project (checked, linked, in the journal) inside the caller's transaction; returns its id. */
export function createProject(context: SignedInContext, tx: Db, input: ProjectFields, at: string): number {
  const { themeIds, criterionIds } = checkProject(tx, context, input)
  const row = tx
    .insert(projects)
    .values({ ...columnsOf(input), createdAt: at, createdBy: context.actor.displayName, updatedAt: at })
    .returning()
    .get()
  writeLinks(tx, row.id, themeIds, criterionIds)
  projectTrail(context, tx, at, row.id).created('project', row.id, auditValues(tx, row))
  return row.id
}
