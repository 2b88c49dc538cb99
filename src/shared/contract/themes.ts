import { z } from 'zod'
import { method, methodsOf } from './define'
import { idField, none, okSchema, themeIdField } from './fields'

/* Who covers which theme. */

export const THEME_LINKS = ['delegation', 'interet'] as const
export const themeAssignmentSchema = z.object({ memberId: z.number().int(), themeId: z.string(), link: z.enum(THEME_LINKS) })
export type ThemeAssignment = z.infer<typeof themeAssignmentSchema>

export const themeAssignInput = z.object({
  memberId: idField,
  themeId: themeIdField,
  /** null removes the link. */
  link: z.enum(THEME_LINKS, { error: 'Le lien doit être « délégation » ou « intérêt ».' }).nullable(),
})

export const themesMethods = methodsOf('themes')({
  'themes.assignments': method({ input: none, output: z.array(themeAssignmentSchema), access: 'profile', reads: ['themes', 'members'] }),
  /** An élu marks their own themes; an administrator marks anyone's. */
  'themes.assign': method({ input: themeAssignInput, output: okSchema, access: 'profile', changes: ['themes'] }),
})
