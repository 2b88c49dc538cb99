import type { z } from 'zod'
import { ApiError } from '../api/client'

export type FormErrors = Record<string, string>

/** Runs a contract schema on form values: the same French messages as the main process would return. */
export function validateWith<T>(schema: z.ZodType, values: T): FormErrors {
  const result = schema.safeParse(values)
  if (result.success) return {}
  const errors: FormErrors = {}
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.')
    errors[key] ??= issue.message
  }
  return errors
}

/** Field errors returned by the main process, keyed by field path (prefix removed when given). */
export function serverFieldErrors(error: unknown, prefix = ''): FormErrors {
  if (!(error instanceof ApiError)) return {}
  const errors: FormErrors = {}
  for (const issue of error.issues) {
    if (prefix && !issue.path.startsWith(prefix)) continue
    errors[prefix ? issue.path.slice(prefix.length) : issue.path] ??= issue.message
  }
  return errors
}
