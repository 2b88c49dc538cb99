import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query'
import { useEffect } from 'react'
import { contract, readsAffectedBy, type DataDomain, type MethodInput, type MethodName, type MethodOutput } from '@shared/contract'
import { call, onEvent, type ApiError } from './client'

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

/** A write; the queries that read what it changes are refreshed once it succeeds. */
export function useApiMutation<M extends MethodName>(method: M) {
  const queryClient = useQueryClient()
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => refreshAfter(queryClient, contract[method].changes ?? []),
  })
}

/** Changes made elsewhere (another window, a sync) refresh what is on screen that depends on them. */
export function useDataChangedRefresh(): void {
  const queryClient = useQueryClient()
  useEffect(() => onEvent('data.changed', ({ domains }) => void refreshAfter(queryClient, domains)), [queryClient])
}
