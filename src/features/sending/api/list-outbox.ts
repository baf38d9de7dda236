import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'

/** GET /outbox: what the demo would have sent (404 on the real server). */
export const outboxQueryOptions = (backend: Backend) =>
  queryOptions({
    queryKey: ['outbox'],
    queryFn: () => backend.listOutbox(),
    // a 404 means "no Postausgang here", which asking again does not change
    retry: false,
  })

export function useOutbox({ refetchInterval = false as number | false } = {}) {
  return useQuery({ ...outboxQueryOptions(useBackend()), refetchInterval })
}
