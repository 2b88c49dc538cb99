import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, fileContentSchema, fileOpenedSchema, fileUploadField, idField, okSchema, requiredText } from './fields'

/* A project's (or a task's) documents; the bytes live in the app's file store, once per content. */

export const attachmentSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  taskId: z.number().int().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
  addedBy: z.string(),
})
export const attachmentAddInput = z.object({
  projectId: idField,
  taskId: idField.nullable().default(null),
  fileName: requiredText('Le nom du fichier', 200),
  contentBase64: fileUploadField,
})

export const attachmentsMethods = methodsOf('attachments')({
  'attachments.add': method({ input: attachmentAddInput, output: attachmentSchema, access: 'profile', changes: ['projects'] }),
  'attachments.get': method({ input: byIdInput, output: fileContentSchema, access: 'profile', reads: ['projects'] }),
  /** Opens the document with the computer's viewer (Electron); `opened: false` asks the renderer to download it instead. */
  'attachments.open': method({ input: byIdInput, output: fileOpenedSchema, access: 'profile', reads: ['projects'] }),
  'attachments.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['projects'] }),
})
