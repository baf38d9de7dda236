import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /articles/:id/comments: the article's comment threads, oldest first. */
export const commentThreadsQueryOptions = (backend: Backend, articleId: string) =>
  queryOptions({
    queryKey: ['articles', 'comments', articleId],
    queryFn: () => backend.listCommentThreads(articleId),
    // others comment meanwhile: asked for anew when the window gets focus and every minute
    refetchInterval: 60_000,
  })

export function useCommentThreads(articleId: string) {
  return useQuery(commentThreadsQueryOptions(useBackend(), articleId))
}
