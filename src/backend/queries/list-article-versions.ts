import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /articles/:id/versions: the kept versions, newest first. */
export const articleVersionsQueryOptions = (backend: Backend, articleId: string) =>
  queryOptions({
    queryKey: ['articles', 'versions', articleId],
    queryFn: () => backend.listArticleVersions(articleId),
    // an autosave may have kept a version: the list is asked for anew each time it is shown
    refetchOnMount: 'always',
  })

export function useArticleVersions(articleId: string) {
  return useQuery(articleVersionsQueryOptions(useBackend(), articleId))
}
