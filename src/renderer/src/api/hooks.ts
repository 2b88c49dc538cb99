import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import { call, onEvent, type ApiError } from './client'

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options?: Omit<UseQueryOptions<MethodOutput<M>, ApiError>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<MethodOutput<M>, ApiError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options })
}

/** A write; every query is refreshed once it succeeds. */
export function useApiMutation<M extends MethodName>(method: M) {
  const queryClient = useQueryClient()
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => queryClient.invalidateQueries(),
  })
}

/** Changes made elsewhere (another window, a sync) refresh what is on screen. */
export function useDataChangedRefresh(): void {
  const queryClient = useQueryClient()
  useEffect(() => onEvent('data.changed', () => void queryClient.invalidateQueries()), [queryClient])
}
