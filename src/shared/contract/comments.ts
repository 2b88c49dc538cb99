import { z } from 'zod'
import { method, methodsOf } from './define'
import { idField, requiredText } from './fields'

/* The project's exchanges, and a task's (comments are never changed nor removed). */

export const commentSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  taskId: z.number().int().nullable(),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
})
export const commentAddInput = z.object({ projectId: idField, taskId: idField.nullable().default(null), body: requiredText('Le commentaire', 5000) })

export const commentsMethods = methodsOf('comments')({
  'comments.add': method({ input: commentAddInput, output: commentSchema, access: 'profile', changes: ['projects'] }),
})
