import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, idField, none, okSchema, passwordField, requiredText } from './fields'

export const profileSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  memberId: z.number().int().nullable(),
  isAdmin: z.boolean(),
  hasPassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
})
export type Profile = z.infer<typeof profileSchema>

/** A profile's name, as the forms check it before sending and the core checks it again. */
export const profileDisplayNameField = requiredText('Le nom du profil', 80)

export const profileCreateInput = z.object({
  displayName: profileDisplayNameField,
  memberId: idField.nullable().default(null),
  isAdmin: z.boolean().default(false),
  password: passwordField.nullable().default(null),
})

export const profileUpdateInput = z.object({
  id: idField,
  displayName: profileDisplayNameField,
  memberId: idField.nullable(),
  isAdmin: z.boolean(),
})

export const profileSetPasswordInput = z.object({
  id: idField,
  /** Required when a profile changes its own existing password. */
  currentPassword: z.string().max(200).nullable().default(null),
  /** null removes the password. */
  newPassword: passwordField.nullable(),
})

export const profilesMethods = methodsOf('profiles')({
  'profiles.list': method({ input: none, output: z.array(profileSchema), access: 'profile', reads: ['profiles'] }),
  'profiles.create': method({ input: profileCreateInput, output: profileSchema, access: 'admin', changes: ['profiles'] }),
  'profiles.update': method({ input: profileUpdateInput, output: profileSchema, access: 'admin', changes: ['profiles'] }),
  /** Anyone for their own profile (with the current password); an administrator for any profile. */
  'profiles.setPassword': method({ input: profileSetPasswordInput, output: okSchema, access: 'profile', changes: ['profiles'] }),
  'profiles.remove': method({ input: byIdInput, output: okSchema, access: 'admin', changes: ['profiles'] }),
})
