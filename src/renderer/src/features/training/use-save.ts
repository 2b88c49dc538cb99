import { useState } from 'react'
import type { z } from 'zod'
import { errorMessage } from '../../api/client'
import { serverFieldErrors, validateWith, type FormErrors } from '../../lib/validation'

/**
 * One save of a training form: the contract's schema first (the same French messages as the main process), then
 * the call; field errors and the main process's message are kept for the form to show. `save` resolves to true
 * when the call succeeded.
 */
export function useSave<T>(schema: z.ZodType, run: (input: T) => Promise<unknown>) {
  const [errors, setErrors] = useState<FormErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  async function save(input: T): Promise<boolean> {
    const found = validateWith(schema, input)
    setErrors(found)
    setFailure(null)
    if (Object.keys(found).length > 0) return false
    setSaving(true)
    try {
      await run(input)
      return true
    } catch (error) {
      setErrors(serverFieldErrors(error))
      setFailure(errorMessage(error))
      return false
    } finally {
      setSaving(false)
    }
  }
  return { errors, failure, saving, save }
}
