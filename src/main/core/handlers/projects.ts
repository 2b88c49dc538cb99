import { eq } from 'drizzle-orm'
import { attachments, projects } from '../db/schema'
import type { HandlersOf } from '../handler'
import { deleteUnusedFiles } from '../file-store/usage'
import { getProjectRow, projectDetail, projectSummaries } from '../projects/queries'
import { auditValues, checkProject, columnsOf, createProject, writeLinks } from '../projects/write'
import { projectTrail } from '../projects/trail'
import { republishProject, withdrawProject } from '../portal/publications'
import { todayOf } from '../today'

export const projectsHandlers: HandlersOf<'projects'> = {
  'projects.list': (input, context) => projectSummaries(context.db, input, todayOf(context)),

  'projects.get': ({ id }, context) => projectDetail(context.db, id, todayOf(context)),

  'projects.create': (input, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => projectDetail(tx, createProject(context, tx, input, at), todayOf(context)))
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
