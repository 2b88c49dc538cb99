import { z } from 'zod'
import { LOGO_TOO_BIG, MAX_LOGO_BYTES } from './limits'
import { method, methodsOf } from './define'
import { base64Field, none, okSchema, requiredText } from './fields'

/* ─── The commune's logo (or coat of arms), printed on reports ─────────────────────── */

export const logoSchema = z
  .object({
    /** Always PNG: the image is decoded, shrunk if needed and re-encoded when it is chosen. */
    mimeType: z.literal('image/png'),
    contentBase64: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    fileName: z.string(),
  })
  .nullable()
export type Logo = z.infer<typeof logoSchema>

export const logoSetInput = z.object({
  fileName: requiredText('Le nom du fichier', 200),
  contentBase64: base64Field(MAX_LOGO_BYTES, LOGO_TOO_BIG),
})

export const logoMethods = methodsOf('logo')({
  'logo.get': method({ input: none, output: logoSchema, access: 'profile', reads: ['logo'] }),
  'logo.set': method({ input: logoSetInput, output: logoSchema, access: 'admin', changes: ['logo'] }),
  'logo.remove': method({ input: none, output: okSchema, access: 'admin', changes: ['logo'] }),
})
