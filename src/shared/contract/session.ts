import { z } from 'zod'
import { method, methodsOf } from './define'
import { idField, none, okSchema } from './fields'
import { profileSchema } from './profiles'

export const sessionOpenInput = z.object({
  profileId: idField,
  password: z.string().max(200, { error: 'Le mot de passe ne doit pas dépasser 200 caractères.' }).nullable().default(null),
})

export const sessionSchema = z.object({ profile: profileSchema.nullable() })

export const sessionMethods = methodsOf('session')({
  'session.get': method({ input: none, output: sessionSchema, access: 'public', reads: ['session', 'profiles'] }),
  /** Records the sign-in time on the profile. */
  'session.open': method({ input: sessionOpenInput, output: sessionSchema, access: 'public', changes: ['session', 'profiles'] }),
  'session.close': method({ input: none, output: okSchema, access: 'public', changes: ['session'] }),
})
