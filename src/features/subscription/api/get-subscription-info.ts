import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'

/** GET /subscription: the consent text with its version, and whether sign-up is possible. */
export const subscriptionInfoQueryOptions = (backend: Backend) =>
  queryOptions({
    queryKey: ['subscription', 'info'],
    queryFn: () => backend.getSubscriptionInfo(),
  })

export function useSubscriptionInfo() {
  return useQuery(subscriptionInfoQueryOptions(useBackend()))
}
