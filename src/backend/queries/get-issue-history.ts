import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /issues/:id/history: the Verlauf, oldest first. */
export const issueHistoryQueryOptions = (backend: Backend, id: string) =>
  queryOptions({ queryKey: ['issues', id, 'history'], queryFn: () => backend.getIssueHistory(id) })

export function useIssueHistory(id: string) {
  return useQuery(issueHistoryQueryOptions(useBackend(), id))
}
