import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, idField, okSchema, optionalText } from './fields'

export const participantSchema = z.object({
  id: z.number().int(),
  /** An élu or agent of the team, or null for an outside participant (citizen, partner…). */
  memberId: z.number().int().nullable(),
  name: z.string(),
  role: z.string(),
})
export const participantAddInput = z
  .object({
    projectId: idField,
    memberId: idField.nullable().default(null),
    name: optionalText('Le nom', 120),
    role: optionalText('Le rôle', 120),
  })
  .refine((p) => p.memberId !== null || p.name.trim() !== '', {
    error: 'Choisissez une personne de l’équipe ou indiquez le nom du participant.',
    path: ['name'],
  })

export const participantsMethods = methodsOf('participants')({
  'participants.add': method({ input: participantAddInput, output: participantSchema, access: 'profile', changes: ['projects'] }),
  'participants.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['projects'] }),
})
