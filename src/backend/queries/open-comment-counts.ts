import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /comment-counts: open comment threads per article id. */
export const openCommentCountsQueryOptions = (backend: Backend) =>
  queryOptions({ queryKey: ['comment-counts'], queryFn: () => backend.openCommentCounts() })

export function useOpenCommentCounts() {
  return useQuery(openCommentCountsQueryOptions(useBackend()))
}
