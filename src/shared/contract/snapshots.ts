import { z } from 'zod'
import { method, methodsOf } from './define'
import { idField, none, requiredText } from './fields'

/* A campaign's scores frozen at a date, to compare with later. */

export const snapshotSchema = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  campaignName: z.string(),
  label: z.string(),
  takenAt: z.string(),
  takenBy: z.string(),
  score: z.number(),
})
export type Snapshot = z.infer<typeof snapshotSchema>

export const snapshotTakeInput = z.object({ campaignId: idField, label: requiredText("Le nom de l'instantané", 80) })

export const snapshotsMethods = methodsOf('snapshots')({
  'snapshots.list': method({ input: none, output: z.array(snapshotSchema), access: 'profile', reads: ['snapshots', 'campaigns'] }),
  'snapshots.take': method({ input: snapshotTakeInput, output: snapshotSchema, access: 'profile', changes: ['snapshots'] }),
})
