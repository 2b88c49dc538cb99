/** Error codes every transport returns in `{ ok: false, error: { code, message } }`. */
export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'WRONG_PASSWORD',
  'UNAUTHORIZED_CLIENT',
  /** The disk refused the write (full, read-only, gone): nothing was changed. */
  'STORAGE',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `members.0.email`. */
  path: string
  message: string
}

export interface AppErrorShape {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/** A failure the user is meant to read: the message is French and says what to do. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message)
    this.name = 'AppError'
  }

  toShape(): AppErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message }
  }
}

export const GENERIC_INTERNAL_MESSAGE =
  "Une erreur inattendue s'est produite. Vos données n'ont pas été modifiées. Réessayez, et si le problème persiste, contactez l'assistance."
