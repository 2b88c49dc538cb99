import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import {
  contract,
  IDEMPOTENCY_KEY_FIELD,
  isCreationMethod,
  readsAffectedBy,
  type DataDomain,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '@shared/contract'
import { notifications } from '@mantine/notifications'
import { call, errorMessage, onEvent, type ApiError } from './client'
import { i18n } from '../i18n'

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options?: Omit<UseQueryOptions<MethodOutput<M>, ApiError>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<MethodOutput<M>, ApiError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options })
}

/**
 * Refreshes the queries whose method reads one of `domains` (the `changes` of a write). When who is signed in
 * changes, everything on screen is refreshed.
 */
export function refreshAfter(queryClient: QueryClient, domains: readonly DataDomain[]): Promise<void> {
  if (domains.includes('session')) return queryClient.invalidateQueries()
  const affected = readsAffectedBy(domains)
  return queryClient.invalidateQueries({ predicate: (query) => affected.has(query.queryKey[0] as MethodName) })
}

interface ApiMutationOptions<M extends MethodName> {
  /**
   * Where the French message of a failure goes: under the form that made the call (`mutation.error`, shown with
   * FormError — the default), or in a red notification (a button, a menu item, a save made in the background).
   */
  failure?: 'form' | 'notification'
  /** A green notification once the write succeeded. */
  success?: string | ((output: MethodOutput<M>) => string)
  /** Runs once the write succeeded, before the refresh: leave the page of what was removed, so it is not fetched again. */
  beforeRefresh?: (output: MethodOutput<M>) => unknown
  /** Refresh after a failure too, for a write whose failure is itself recorded (a failed backup shows in the status). */
  refreshAfterFailure?: boolean
}

/**
 * Every write of the renderer: the queries that read what it changes are refreshed once it succeeds, and a failure's
 * French message is shown (under the form, or as a notification).
 */
export function useApiMutation<M extends MethodName>(
  method: M,
  { failure = 'form', success, beforeRefresh, refreshAfterFailure = false }: ApiMutationOptions<M> = {},
) {
  const queryClient = useQueryClient()
  const keys = useRef(new IdempotencyKeys())
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, isCreationMethod(method) ? withIdempotencyKey(input, keys.current.keyFor(input)) : input),
    onSuccess: async (output) => {
      keys.current.renew()
      await beforeRefresh?.(output)
      await refreshAfter(queryClient, contract[method].changes ?? [])
      if (success) notifications.show({ color: 'green', message: typeof success === 'string' ? success : success(output) })
    },
    onError: async (error) => {
      if (failure === 'notification') notifyFailure(error)
      if (refreshAfterFailure) await refreshAfter(queryClient, contract[method].changes ?? [])
    },
  })
}

/**
 * One idempotency key per user action of a form (shared/contract/idempotency.ts): the same input sent again before a
 * success — a double click, a retry after a lost answer — carries the same key, so the core creates it once; after a
 * success the next creation is a new action and gets a new key. The input is part of the key, so that two different
 * creations sent from the same form before the first answer are both made.
 */
export class IdempotencyKeys {
  private action = crypto.randomUUID()

  keyFor(input: unknown): string {
    return `${this.action}:${fnv1a(JSON.stringify(input) ?? '')}`
  }

  renew(): void {
    this.action = crypto.randomUUID()
  }
}

function withIdempotencyKey<I>(input: I, key: string): I {
  return { ...input, [IDEMPOTENCY_KEY_FIELD]: key }
}

/** A short hash of the input (FNV-1a, 32 bits): enough to tell two inputs of one form apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** A failed write's French message, in a red notification. */
export function notifyFailure(error: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('common.failed'), message: errorMessage(error) })
}

/** Changes made elsewhere (another window, a sync) refresh what is on screen that depends on them. */
export function useDataChangedRefresh(): void {
  const queryClient = useQueryClient()
  useEffect(() => onEvent('data.changed', ({ domains }) => void refreshAfter(queryClient, domains)), [queryClient])
}
