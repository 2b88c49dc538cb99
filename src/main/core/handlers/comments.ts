import { comments } from '../db/schema'
import type { HandlersOf } from '../handler'
import { assertTaskInProject, getProjectRow, toComment, touchProject } from '../projects/queries'
import { projectTrail } from '../projects/trail'

export const commentsHandlers: HandlersOf<'comments'> = {
  /** The author is the signed-in profile. */
  'comments.add': ({ projectId, taskId, body }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      getProjectRow(tx, projectId)
      if (taskId !== null) assertTaskInProject(tx, taskId, projectId)
      const row = tx
        .insert(comments)
        .values({ projectId, taskId, body, authorName: context.actor.displayName, authorProfileId: context.actor.profileId, createdAt: at })
        .returning()
        .get()
      touchProject(tx, projectId, at)
      projectTrail(context, tx, at, projectId).created('comment', row.id, row)
      return toComment(row)
    })
  },
}
