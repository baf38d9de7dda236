import { queryOptions, useQuery } from '@tanstack/react-query'
import { ApiError } from '../api-error'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /issues/:id/archive: the archive address and state; null while the issue has none (404). */
export const issueArchiveQueryOptions = (backend: Backend, issueId: string) =>
  queryOptions({
    queryKey: ['issues', issueId, 'archive'],
    queryFn: async () => {
      try {
        return await backend.getIssueArchive(issueId)
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
  })

export function useIssueArchive(issueId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...issueArchiveQueryOptions(useBackend(), issueId), ...options })
}
