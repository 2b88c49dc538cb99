import type { UseFormReturnType } from '@mantine/form'
import { useState, type FormEvent } from 'react'
import { errorMessage } from '../api/client'
import { serverFieldErrors } from './validation'

export interface FormSubmit {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void
  /** The French message of the last refusal. */
  failure: string | null
  saving: boolean
}

/**
 * A form's « Enregistrer »: runs `write` on the checked values, then `done` (close the dialog); a refusal keeps
 * everything typed, puts the main process's messages under their fields and its French message in `failure`.
 */
export function useFormSubmit<V>(
  form: UseFormReturnType<V>,
  write: (values: V) => Promise<unknown>,
  done?: () => void,
  /** Where the form's fields sit in the method's input when they are nested (`news.` for `{ news: {…} }`). */
  { fieldPrefix = '' }: { fieldPrefix?: string } = {},
): FormSubmit {
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const onSubmit = form.onSubmit(async (values) => {
    setFailure(null)
    setSaving(true)
    try {
      await write(values)
      form.resetDirty(values)
      done?.()
    } catch (error) {
      form.setErrors({ ...serverFieldErrors(error), ...(fieldPrefix ? serverFieldErrors(error, fieldPrefix) : {}) })
      setFailure(errorMessage(error))
    } finally {
      setSaving(false)
    }
  })
  return { onSubmit, failure, saving }
}
