import { z } from 'zod'
import { DOCUMENT_TOO_BIG, MAX_DOCUMENT_BYTES, fileContentField } from './limits'

/** Reusable field schemas with French messages: the UI shows these messages as they are. */

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` })
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} doit être un texte.` })
    .trim()
    .max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` })
    .default('')
}

export const emailField = z
  .string({ error: "L'adresse e-mail doit être un texte." })
  .trim()
  .max(254, { error: "L'adresse e-mail ne doit pas dépasser 254 caractères." })
  .refine((value) => value === '' || z.email().safeParse(value).success, {
    error: "L'adresse e-mail n'est pas valide (exemple : prenom.nom@mairie.fr).",
  })
  .default('')

// Spaces, dots, dashes and brackets are how people write numbers in France; keep what they typed.
const PHONE_PATTERN = /^\+?[0-9 .()-]+$/
export const phoneField = z
  .string({ error: 'Le téléphone doit être un texte.' })
  .trim()
  .max(25, { error: 'Le numéro de téléphone ne doit pas dépasser 25 caractères.' })
  .refine((value) => value === '' || (PHONE_PATTERN.test(value) && value.replace(/\D/g, '').length >= 6), {
    error: "Le numéro de téléphone n'est pas valide (exemple : 03 25 12 34 56).",
  })
  .default('')

const ISO_DATE = /^(\d{4})-(\d\d)-(\d\d)$/

/** A real calendar date written YYYY-MM-DD (not 2026-02-30, not 2026-13-01). */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

/** A day, YYYY-MM-DD, that exists on the calendar: every date of the contract is one. */
export const isoDateField = z
  .string({ error: 'La date doit être un texte au format AAAA-MM-JJ.' })
  .regex(ISO_DATE, { error: 'La date doit être au format AAAA-MM-JJ.', abort: true })
  // Never the ISO form in the message: the user typed JJ/MM/AAAA.
  .refine(isRealIsoDate, { error: "Cette date n'existe pas : vérifiez le jour et le mois." })

/** An optional day: null when not known. */
export const optionalDateField = isoDateField.nullable().default(null)

/** Money is carried in euro cents (integers) end to end: totals in council reports must be exact. */
export function centsField(label: string) {
  return z
    .number({ error: `${label} doit être un montant.` })
    .int({ error: `${label} doit être un montant en centimes.` })
    .min(0, { error: `${label} ne peut pas être négatif.` })
    .max(100_000_000_000, { error: `${label} semble trop élevé.` })
}

export const idField = z
  .number({ error: "L'identifiant doit être un nombre." })
  .int({ error: "L'identifiant doit être un nombre entier." })
  .positive({ error: "L'identifiant doit être un nombre positif." })

export const yearField = z
  .number({ error: "L'année doit être un nombre." })
  .int({ error: "L'année doit être un nombre entier." })
  .min(1990, { error: "L'année doit être postérieure à 1990." })
  .max(2100, { error: "L'année doit être antérieure à 2100." })

export const passwordField = z
  .string({ error: 'Le mot de passe doit être un texte.' })
  .min(6, { error: 'Le mot de passe doit contenir au moins 6 caractères.' })
  .max(200, { error: 'Le mot de passe ne doit pas dépasser 200 caractères.' })

export const inseeCodeField = z
  .string({ error: 'Le code INSEE doit être un texte.' })
  .regex(/^[0-9][0-9AB][0-9]{3}$/, { error: "Le code INSEE n'est pas valide (5 caractères, exemple : 10145)." })

/** Ids of the référentiel's themes and criteria (checked against the référentiel by the handlers). */
export const themeIdField = z.string({ error: 'Le thème doit être indiqué.' }).min(1, { error: 'Le thème doit être indiqué.' }).max(120)
export const criterionIdField = z.string({ error: 'Le critère doit être indiqué.' }).min(1, { error: 'Le critère doit être indiqué.' }).max(160)

export const byIdInput = z.object({ id: idField })
export const none = z.object({}).strict().default({})
export const okSchema = z.object({ ok: z.literal(true) })

/** A file's bytes in base64, at most `maxBytes` once decoded (the rule of limits.ts, to the byte). */
export function base64Field(maxBytes: number, tooBig: string) {
  return fileContentField({ bytes: maxBytes, message: tooBig })
}

/** A file handed to the renderer, to download or preview. */
export const fileContentSchema = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() })

/**
 * `attachments.open`, `evidence.open`: whether the computer's own viewer opened the file. false where the host cannot
 * (the browser) or for a type that is not a document (a program is never run): the renderer then downloads it.
 */
export const fileOpenedSchema = z.object({ opened: z.boolean() })

/** The largest document or piece of evidence a commune may attach. */
export const MAX_FILE_BYTES = MAX_DOCUMENT_BYTES
export const FILE_TOO_BIG = DOCUMENT_TOO_BIG
/** A document or a piece of evidence, base64. */
export const fileUploadField = base64Field(MAX_FILE_BYTES, FILE_TOO_BIG)
