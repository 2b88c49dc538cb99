import { z } from 'zod'
import { method, methodsOf } from './define'
import { none } from './fields'
import { recoverySchema } from './backups'

export const appStatusSchema = z.object({
  setupDone: z.boolean(),
  version: z.string(),
  dataDir: z.string(),
  /** Profiles offered on the "who are you?" screen. */
  /** Who may open the app; `isAdmin` names who can replace a forgotten password. */
  profiles: z.array(z.object({ id: z.number().int(), displayName: z.string(), hasPassword: z.boolean(), isAdmin: z.boolean() })),
  activeProfileId: z.number().int().nullable(),
  /** Set when the data could not be opened at launch: the app offers the latest good backup instead. */
  recovery: recoverySchema.nullable(),
})
export type AppStatus = z.infer<typeof appStatusSchema>

export const appMethods = methodsOf('app')({
  'app.status': method({ input: none, output: appStatusSchema, access: 'public', reads: ['session', 'commune', 'profiles'] }),
})
