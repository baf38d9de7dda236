import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /users: the people who can sign in, with their roles. */
export const usersQueryOptions = (backend: Backend) =>
  queryOptions({ queryKey: ['users'], queryFn: () => backend.listUsers(), staleTime: 10 * 60_000 })

export function useUsers() {
  return useQuery(usersQueryOptions(useBackend()))
}
