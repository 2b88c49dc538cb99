import { eq, sql } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { projectActions, tasks } from '../db/schema'
import type { HandlersOf } from '../handler'
import { assertOrdered } from '../projects/dates'
import { getProjectRow, toAction, touchProject } from '../projects/queries'
import { projectTrail } from '../projects/trail'

type ActionRow = typeof projectActions.$inferSelect

export function getActionRow(db: Db, id: number): ActionRow {
  const row = db.select().from(projectActions).where(eq(projectActions.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette action n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

function checkDates(startOn: string | null, dueOn: string | null): void {
  assertOrdered(startOn, dueOn, 'dueOn', "L'échéance doit être après la date de début.")
}

export const actionsHandlers: HandlersOf<'actions'> = {
  /** Adds a step at the end of the project's actions. */
  'actions.create': ({ projectId, ...input }, context) => {
    checkDates(input.startOn, input.dueOn)
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      getProjectRow(tx, projectId)
      const { next } = tx
        .select({ next: sql<number>`coalesce(max(${projectActions.sortOrder}), 0) + 1` })
        .from(projectActions)
        .where(eq(projectActions.projectId, projectId))
        .get()!
      const row = tx
        .insert(projectActions)
        .values({ projectId, ...input, sortOrder: next })
        .returning()
        .get()
      touchProject(tx, projectId, at)
      projectTrail(context, tx, at, projectId).created('action', row.id, row)
      return toAction(row)
    })
  },

  'actions.update': ({ id, ...input }, context) => {
    checkDates(input.startOn, input.dueOn)
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = getActionRow(tx, id)
      const row = tx.update(projectActions).set(input).where(eq(projectActions.id, id)).returning().get()
      touchProject(tx, row.projectId, at)
      projectTrail(context, tx, at, row.projectId).updated('action', id, before, row)
      return toAction(row)
    })
  },

  /** Removes the action; its tasks stay in the project, outside any action (the trail says so). */
  'actions.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = getActionRow(tx, id)
      const audit = projectTrail(context, tx, at, before.projectId)
      const linked = tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.actionId, id)).all()
      tx.update(tasks).set({ actionId: null, updatedAt: at }).where(eq(tasks.actionId, id)).run()
      for (const task of linked) audit.updated('task', task.id, { actionId: id }, { actionId: null })
      tx.delete(projectActions).where(eq(projectActions.id, id)).run()
      touchProject(tx, before.projectId, at)
      audit.deleted('action', id, before)
    })
    return { ok: true as const }
  },
}
