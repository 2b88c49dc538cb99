import { z } from 'zod'
import { method, methodsOf } from './define'
import { directoryCommuneSchema } from './directory'
import { inseeCodeField, none } from './fields'

export const communeSchema = directoryCommuneSchema.extend({
  /** Where the figures come from, shown next to them. */
  source: z.string(),
  updatedAt: z.string(),
})
export type Commune = z.infer<typeof communeSchema>

export const communeChooseInput = z.object({ inseeCode: inseeCodeField })

export const communeMethods = methodsOf('commune')({
  'commune.get': method({ input: none, output: communeSchema, access: 'profile', reads: ['commune'] }),
  'commune.choose': method({ input: communeChooseInput, output: communeSchema, access: 'admin', changes: ['commune'] }),
})
