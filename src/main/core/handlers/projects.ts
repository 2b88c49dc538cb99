import { eq } from 'drizzle-orm'
import type { ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { attachments, projectCriteria, projects, projectThemes } from '../db/schema'
import type { HandlerContext, HandlersOf } from '../handler'
import { assertOrdered } from '../projects/dates'
import { deleteUnusedFiles } from '../file-store/usage'
import { assertMemberExists, criterionIdsOf, getProjectRow, projectDetail, projectSummaries, themeIdsOf, type ProjectRow } from '../projects/queries'
import { projectTrail } from '../projects/trail'
import { republishProject, withdrawProject } from '../portal/publications'
import { todayOf } from '../today'

type ProjectFields = ParsedInput<'projects.create'>

function notFound(path: string, message: string): AppError {
  return new AppError('NOT_FOUND', message, [{ path, message }])
}

/** Checks what the contract cannot: real dates, the référentiel's ids, a referent still in the team. */
function checkProject(db: Db, context: HandlerContext, input: ProjectFields): { themeIds: string[]; criterionIds: string[] } {
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

function columnsOf(input: ProjectFields) {
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

function writeLinks(db: Db, projectId: number, themeIds: string[], criterionIds: string[]): void {
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
function auditValues(db: Db, row: ProjectRow) {
  return { ...row, themeIds: themeIdsOf(db, row.id), criterionIds: criterionIdsOf(db, row.id) }
}

export const projectsHandlers: HandlersOf<'projects'> = {
  'projects.list': (input, context) => projectSummaries(context.db, input, todayOf(context)),

  'projects.get': ({ id }, context) => projectDetail(context.db, id, todayOf(context)),

  'projects.create': (input, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const { themeIds, criterionIds } = checkProject(tx, context, input)
      const row = tx
        .insert(projects)
        .values({ ...columnsOf(input), createdAt: at, createdBy: context.actor.displayName, updatedAt: at })
        .returning()
        .get()
      writeLinks(tx, row.id, themeIds, criterionIds)
      projectTrail(context, tx, at, row.id).created('project', row.id, auditValues(tx, row))
      return projectDetail(tx, row.id, todayOf(context))
    })
  },

  'projects.update': ({ id, ...input }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = auditValues(tx, getProjectRow(tx, id))
      const { themeIds, criterionIds } = checkProject(tx, context, input)
      const row = tx
        .update(projects)
        .set({ ...columnsOf(input), updatedAt: at })
        .where(eq(projects.id, id))
        .returning()
        .get()
      writeLinks(tx, id, themeIds, criterionIds)
      projectTrail(context, tx, at, id).updated('project', id, before, auditValues(tx, row))
      republishProject(tx, context.referentiel, id, at)
      return projectDetail(tx, id, todayOf(context))
    })
  },

  /** Deletes the project and everything in it (participants, actions, tasks, comments, files, fundings, indicators). */
  'projects.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    const hashes = context.db.transaction((tx) => {
      const before = auditValues(tx, getProjectRow(tx, id))
      const files = tx.select({ sha256: attachments.sha256 }).from(attachments).where(eq(attachments.projectId, id)).all()
      // A project shown on the portal leaves it with the project.
      withdrawProject(tx, id, before.title, at)
      tx.delete(projects).where(eq(projects.id, id)).run()
      projectTrail(context, tx, at, id).deleted('project', id, before)
      return files.map((f) => f.sha256)
    })
    deleteUnusedFiles(context.db, context.dataDir, hashes)
    return { ok: true as const }
  },
}
