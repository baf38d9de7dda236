import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /issues/:id. */
export const issueQueryOptions = (backend: Backend, id: string) =>
  queryOptions({ queryKey: ['issues', id], queryFn: () => backend.getIssue(id) })

export function useIssue(id: string) {
  return useQuery(issueQueryOptions(useBackend(), id))
}
