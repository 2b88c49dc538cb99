import type { z } from 'zod'

/** An answer with a French message, for the API as `{ code, message }`, for the portal as a page or a form error. */
export class RelayHttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const notFound = (what = 'Cette ressource') => new RelayHttpError(404, 'introuvable', `${what} n’existe pas ou n’est plus disponible.`)

/** The first validation message, in French, with the field it concerns. */
export function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'La demande est invalide.'
  const generic = /^Invalid|^Expected|^Too (big|small)|^Unrecognized/.test(issue.message)
  const where = issue.path.length ? ` (champ « ${issue.path.join('.')} »)` : ''
  return generic ? `La demande est invalide${where}.` : issue.message
}

export function invalid(error: z.ZodError): RelayHttpError {
  return new RelayHttpError(400, 'invalide', zodMessage(error))
}
