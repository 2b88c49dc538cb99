import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, criterionIdField, fileContentSchema, fileOpenedSchema, fileUploadField, idField, okSchema, requiredText } from './fields'

/* Files attached to a diagnostic answer (the bytes live in the app's file store, like a project's documents). */

export const evidenceSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
  addedBy: z.string(),
})
export type Evidence = z.infer<typeof evidenceSchema>

export const evidenceAddInput = z.object({
  campaignId: idField,
  criterionId: criterionIdField,
  fileName: requiredText('Le nom du fichier', 200),
  /** The file's bytes, base64. */
  contentBase64: fileUploadField,
})

export const evidenceMethods = methodsOf('evidence')({
  /** An answer « non renseigné » is created if the criterion has none yet. */
  'evidence.add': method({ input: evidenceAddInput, output: evidenceSchema, access: 'profile', changes: ['answers'] }),
  'evidence.get': method({ input: byIdInput, output: fileContentSchema, access: 'profile', reads: ['answers'] }),
  /** Opens the file with the computer's viewer (Electron); `opened: false` asks the renderer to download it instead. */
  'evidence.open': method({ input: byIdInput, output: fileOpenedSchema, access: 'profile', reads: ['answers'] }),
  'evidence.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['answers'] }),
})
