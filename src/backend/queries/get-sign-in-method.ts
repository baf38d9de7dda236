import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /session/options: whether people sign in as demo persons or with a password. */
export const signInMethodQueryOptions = (backend: Backend) =>
  queryOptions({
    queryKey: ['session', 'options'],
    queryFn: () => backend.getSignInMethod(),
    staleTime: Infinity,
  })

export function useSignInMethod() {
  return useQuery(signInMethodQueryOptions(useBackend()))
}
