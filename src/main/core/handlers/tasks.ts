import { eq } from 'drizzle-orm'
import type { ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { attachments, comments, profiles, projectActions, tasks } from '../db/schema'
import type { HandlerContext, HandlersOf } from '../handler'
import { memberTasks } from '../projects/member-tasks'
import { assertMemberExists, getProjectRow, parseChecklist, taskById, touchProject, type TaskRow } from '../projects/queries'
import { isDone } from '../projects/rules'
import { projectTrail } from '../projects/trail'
import { todayOf } from '../today'
import { republishProject } from '../portal/publications'

type TaskFields = Omit<ParsedInput<'tasks.create'>, 'projectId'>

export function getTaskRow(db: Db, id: number): TaskRow {
  const row = db.select().from(tasks).where(eq(tasks.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette tâche n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

/** The action must exist and belong to the task's project; the assignee must be in the team. */
function checkTask(db: Db, projectId: number, input: TaskFields): void {
  if (input.actionId !== null) {
    const action = db.select({ projectId: projectActions.projectId }).from(projectActions).where(eq(projectActions.id, input.actionId)).get()
    if (!action) {
      const message = "Cette action n'existe plus : la liste a peut-être été modifiée entre-temps."
      throw new AppError('NOT_FOUND', message, [{ path: 'actionId', message }])
    }
    if (action.projectId !== projectId) {
      const message = 'Cette action appartient à un autre projet : choisissez une action du projet de la tâche.'
      throw new AppError('CONFLICT', message, [{ path: 'actionId', message }])
    }
  }
  if (input.assigneeMemberId !== null) assertMemberExists(db, input.assigneeMemberId, 'assigneeMemberId')
}

function columnsOf(input: TaskFields) {
  return {
    actionId: input.actionId,
    title: input.title,
    description: input.description,
    assigneeMemberId: input.assigneeMemberId,
    dueOn: input.dueOn,
    status: input.status,
    checklist: JSON.stringify(input.checklist),
  }
}

/** A task as the audit trail records it: the checklist as a list, not as JSON text. */
function auditValues(row: TaskRow) {
  return { ...row, checklist: parseChecklist(row.checklist) }
}

/** The person whose tasks « Mes tâches » shows: the one asked for, or the signed-in profile's own. */
function memberOf(db: Db, context: HandlerContext, memberId: number | null): number {
  if (memberId !== null) {
    assertMemberExists(db, memberId, 'memberId')
    return memberId
  }
  const profile = context.actor
    ? db.select({ memberId: profiles.memberId }).from(profiles).where(eq(profiles.id, context.actor.profileId)).get()
    : undefined
  if (!profile || profile.memberId === null) {
    throw new AppError(
      'CONFLICT',
      "Votre profil n'est rattaché à aucune personne de l'équipe : choisissez une personne, ou demandez à un administrateur de relier votre profil à votre fiche.",
    )
  }
  return profile.memberId
}

export const tasksHandlers: HandlersOf<'tasks'> = {
  'tasks.create': ({ projectId, ...input }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      getProjectRow(tx, projectId)
      checkTask(tx, projectId, input)
      const row = tx
        .insert(tasks)
        .values({ projectId, ...columnsOf(input), createdAt: at, completedAt: isDone(input.status) ? at : null, updatedAt: at })
        .returning()
        .get()
      touchProject(tx, projectId, at)
      republishProject(tx, context.referentiel, projectId, at)
      projectTrail(context, tx, at, projectId).created('task', row.id, auditValues(row))
      return taskById(tx, row.id, todayOf(context))
    })
  },

  /** « Faite » records when the task was completed; leaving « faite » clears it. */
  'tasks.update': ({ id, ...input }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = getTaskRow(tx, id)
      checkTask(tx, before.projectId, input)
      const completedAt = isDone(input.status) ? (isDone(before.status) ? before.completedAt : at) : null
      const row = tx
        .update(tasks)
        .set({ ...columnsOf(input), completedAt, updatedAt: at })
        .where(eq(tasks.id, id))
        .returning()
        .get()
      touchProject(tx, row.projectId, at)
      if (isDone(row.status) !== isDone(before.status)) republishProject(tx, context.referentiel, row.projectId, at)
      projectTrail(context, tx, at, row.projectId).updated('task', id, auditValues(before), auditValues(row))
      return taskById(tx, id, todayOf(context))
    })
  },

  /** Removes the task and its comments; its files stay on the project. */
  'tasks.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = getTaskRow(tx, id)
      const audit = projectTrail(context, tx, at, before.projectId)
      for (const comment of tx.select().from(comments).where(eq(comments.taskId, id)).all()) audit.deleted('comment', comment.id, comment)
      for (const file of tx.select({ id: attachments.id }).from(attachments).where(eq(attachments.taskId, id)).all()) {
        audit.updated('attachment', file.id, { taskId: id }, { taskId: null })
      }
      tx.update(attachments).set({ taskId: null }).where(eq(attachments.taskId, id)).run()
      tx.delete(tasks).where(eq(tasks.id, id)).run()
      touchProject(tx, before.projectId, at)
      republishProject(tx, context.referentiel, before.projectId, at)
      audit.deleted('task', id, auditValues(before))
    })
    return { ok: true as const }
  },

  /** The first `limit` tasks: overdue first, then by due date (tasks without one last), then by project title. */
  'tasks.forMember': ({ memberId, includeDone, limit }, context) => {
    const member = memberOf(context.db, context, memberId)
    return memberTasks(context.sqlite, { memberId: member, includeDone, limit, today: todayOf(context) })
  },
}
