import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { comments, tasks } from '../db/schema'
import type { Handlers } from '../dispatcher'
import { getProjectRow, toComment, touchProject } from '../projects/queries'
import { actorName, projectTrail } from '../projects/trail'

/** A task named with a project must be one of its tasks. */
export function assertTaskInProject(db: Db, taskId: number, projectId: number): void {
  const task = db.select({ projectId: tasks.projectId }).from(tasks).where(eq(tasks.id, taskId)).get()
  if (!task) {
    const message = "Cette tâche n'existe plus : la liste a peut-être été modifiée entre-temps."
    throw new AppError('NOT_FOUND', message, [{ path: 'taskId', message }])
  }
  if (task.projectId !== projectId) {
    const message = 'Cette tâche appartient à un autre projet.'
    throw new AppError('CONFLICT', message, [{ path: 'taskId', message }])
  }
}

export const commentHandlers: Pick<Handlers, 'comments.add'> = {
  /** The author is the signed-in profile. */
  'comments.add': ({ projectId, taskId, body }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      getProjectRow(tx, projectId)
      if (taskId !== null) assertTaskInProject(tx, taskId, projectId)
      const row = tx
        .insert(comments)
        .values({ projectId, taskId, body, authorName: actorName(context), authorProfileId: context.actor?.profileId ?? null, createdAt: at })
        .returning()
        .get()
      touchProject(tx, projectId, at)
      projectTrail(context, tx, at, projectId).created('comment', row.id, row)
      return toComment(row)
    })
  },
}
