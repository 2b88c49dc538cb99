import { z } from 'zod'
import { CIVILITIES, MEMBER_ROLES } from '../roles'
import { method, methodsOf } from './define'
import { byIdInput, emailField, idField, none, okSchema, optionalText, phoneField, requiredText } from './fields'

export const memberRoleSchema = z.enum(MEMBER_ROLES, { error: "Le rôle choisi n'existe pas." })

export const civilitySchema = z.enum(CIVILITIES, { error: 'Choisissez Madame ou Monsieur.' })

export const memberInputSchema = z.object({
  /** Madame or Monsieur: roles are then written in the feminine or the masculine (« 1re adjointe »). */
  civility: civilitySchema.nullable().default(null),
  firstName: requiredText('Le prénom', 80),
  lastName: requiredText('Le nom', 80),
  role: memberRoleSchema,
  /** Order among adjoints (1er adjoint, 2e adjoint…); ignored for other roles. */
  rank: z.number().int().min(1, { error: 'Le rang doit être au moins 1.' }).max(30).nullable().default(null),
  delegation: optionalText('La délégation', 300),
  email: emailField,
  phone: phoneField,
  interests: optionalText("Les thèmes d'intérêt", 500),
})
export type MemberInput = z.input<typeof memberInputSchema>

export const memberSchema = z.object({
  id: z.number().int(),
  civility: civilitySchema.nullable(),
  firstName: z.string(),
  lastName: z.string(),
  role: memberRoleSchema,
  rank: z.number().int().nullable(),
  delegation: z.string(),
  email: z.string(),
  phone: z.string(),
  interests: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Member = z.infer<typeof memberSchema>

export const memberUpdateInput = memberInputSchema.extend({ id: idField })

export const membersMethods = methodsOf('members')({
  'members.list': method({ input: none, output: z.array(memberSchema), access: 'profile', reads: ['members'] }),
  'members.create': method({ input: memberInputSchema, output: memberSchema, access: 'admin', changes: ['members'] }),
  'members.update': method({ input: memberUpdateInput, output: memberSchema, access: 'admin', changes: ['members'] }),
  /** A profile tied to the person is untied, not removed. */
  'members.remove': method({ input: byIdInput, output: okSchema, access: 'admin', changes: ['members', 'profiles'] }),
})
