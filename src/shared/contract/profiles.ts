import { z } from 'zod'
import { idField, passwordField, requiredText } from './fields'

export const profileSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  memberId: z.number().int().nullable(),
  isAdmin: z.boolean(),
  hasPassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
})
export type Profile = z.infer<typeof profileSchema>

export const profileCreateInput = z.object({
  displayName: requiredText('Le nom du profil', 80),
  memberId: idField.nullable().default(null),
  isAdmin: z.boolean().default(false),
  password: passwordField.nullable().default(null),
})

export const profileUpdateInput = z.object({
  id: idField,
  displayName: requiredText('Le nom du profil', 80),
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

export const sessionOpenInput = z.object({
  profileId: idField,
  password: z.string().max(200, { error: 'Le mot de passe ne doit pas dépasser 200 caractères.' }).nullable().default(null),
})

export const sessionSchema = z.object({ profile: profileSchema.nullable() })
