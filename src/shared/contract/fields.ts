import { z } from 'zod'

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
