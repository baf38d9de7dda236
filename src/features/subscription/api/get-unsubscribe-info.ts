import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'

/** GET /subscription/unsubscribe/:token: whose link this is (a GET never unsubscribes). */
export const unsubscribeInfoQueryOptions = (backend: Backend, token: string) =>
  queryOptions({
    queryKey: ['subscription', 'unsubscribe', token],
    queryFn: () => backend.getUnsubscribeInfo(token),
  })

export function useUnsubscribeInfo(token: string, { enabled }: { enabled: boolean }) {
  return useQuery({ ...unsubscribeInfoQueryOptions(useBackend(), token), enabled })
}
