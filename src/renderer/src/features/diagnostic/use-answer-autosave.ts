import { useCallback, useEffect, useRef, useState } from 'react'
import type { Answer, MethodInput } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import type { SaveStateValue } from '../../components/SaveState'

type AnswerInput = MethodInput<'answers.save'>

/** How long typing may pause before what was typed is saved. */
const PAUSE_MS = 700

/**
 * Saves an answer as it is made: a pause in typing, leaving the comment, Entrée, or leaving the page saves what is
 * on screen (once, and only when it differs from what is stored and the contract would take it).
 */
export function useAnswerAutosave(input: AnswerInput, valid: boolean, answer: Answer | undefined) {
  const save = useApiMutation('answers.save')
  const key = JSON.stringify(input)
  const [savedKey, setSavedKey] = useState(key)
  const [savedHere, setSavedHere] = useState(false)
  const latest = useRef({ input, key, valid, savedKey, mutateAsync: save.mutateAsync })
  const inFlight = useRef<string | null>(null)
  useEffect(() => {
    latest.current = { input, key, valid, savedKey, mutateAsync: save.mutateAsync }
  })

  const flush = useCallback(() => {
    const { input, key, valid, savedKey, mutateAsync } = latest.current
    if (!valid || key === savedKey || key === inFlight.current) return
    inFlight.current = key
    mutateAsync(input)
      .then(
        () => {
          latest.current.savedKey = key
          setSavedKey(key)
          setSavedHere(true)
        },
        // Shown by the editor (save.error) while it is on screen.
        () => undefined,
      )
      .finally(() => {
        if (inFlight.current === key) inFlight.current = null
      })
  }, [])

  useEffect(() => {
    if (key === savedKey || !valid) return
    const timer = setTimeout(flush, PAUSE_MS)
    return () => clearTimeout(timer)
  }, [key, savedKey, valid, flush])

  // Leaving the page (another theme, another tab) saves what was still waiting.
  useEffect(() => flush, [flush])

  const changed = key !== savedKey
  const state: SaveStateValue = save.isPending
    ? 'saving'
    : changed && !valid
      ? 'invalid'
      : changed && save.isError
        ? 'failed'
        : changed
          ? 'saving'
          : answer || savedHere
            ? 'saved'
            : 'idle'
  return { state, flush, failure: changed && save.error ? save.error.message : null }
}
