import { z } from 'zod'

/**
 * How big a call may be: one rule, stated here, enforced per method by the core's single entry point (every
 * transport: IPC and HTTP) and by the browser host before it even reads a body. Files travel as base64, so a method
 * carrying a file of N bytes accepts base64(N) plus a little room for its other fields.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
export const MAX_LOGO_BYTES = 5 * 1024 * 1024
/** Any call that carries no file: far above any form, far below anything that would hurt. */
export const DEFAULT_INPUT_BYTES = 256 * 1024
const ROOM_FOR_OTHER_FIELDS = 64 * 1024

export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4
}

export const DOCUMENT_TOO_BIG = 'Le fichier dépasse 20 Mo : joignez un fichier plus léger.'
export const LOGO_TOO_BIG = "L'image dépasse 5 Mo : choisissez une image plus légère."

/** The methods that carry a file, with the file's limit and what to say beyond it. */
export const FILE_LIMITS = {
  'attachments.add': { bytes: MAX_DOCUMENT_BYTES, message: DOCUMENT_TOO_BIG },
  'evidence.add': { bytes: MAX_DOCUMENT_BYTES, message: DOCUMENT_TOO_BIG },
  'logo.set': { bytes: MAX_LOGO_BYTES, message: LOGO_TOO_BIG },
} as const satisfies Record<string, { bytes: number; message: string }>

/** The size, in characters of its JSON, a call's input may have. */
export function inputLimitOf(method: string): { bytes: number; message: string } {
  const file = (FILE_LIMITS as Record<string, { bytes: number; message: string }>)[method]
  if (file) return { bytes: base64Length(file.bytes) + ROOM_FOR_OTHER_FIELDS, message: file.message }
  return { bytes: DEFAULT_INPUT_BYTES, message: 'La demande est trop volumineuse : raccourcissez le texte saisi.' }
}

/** The largest body any call may have (the browser host refuses bigger ones before reading them). */
export const MAX_REQUEST_BYTES = Math.max(...Object.values(FILE_LIMITS).map((f) => base64Length(f.bytes))) + 2 * ROOM_FOR_OTHER_FIELDS

/** The bytes a base64 text decodes to, from its length and padding alone. */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  return Math.floor((base64.length * 3) / 4) - padding
}

/** The `contentBase64` field of a method carrying a file: the same limit, to the byte, checked where the input is parsed. */
export function fileContentField(limit: { bytes: number; message: string }) {
  return z
    .string()
    .min(1, { error: 'Le fichier est vide.' })
    .max(base64Length(limit.bytes), { error: limit.message })
    .refine((text) => decodedLength(text) <= limit.bytes, { error: limit.message })
}
