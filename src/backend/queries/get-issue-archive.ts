import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /issues/:id/archive: the archive address and state; null while the issue has none. */
export const issueArchiveQueryOptions = (backend: Backend, issueId: string) =>
  queryOptions({
    queryKey: ['issues', issueId, 'archive'],
    queryFn: () => backend.getIssueArchive(issueId),
  })

export function useIssueArchive(issueId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...issueArchiveQueryOptions(useBackend(), issueId), ...options })
}
