import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /articles/:id/versions/:number: one version's content (a version never changes). */
export const articleVersionQueryOptions = (backend: Backend, articleId: string, number: number) =>
  queryOptions({
    queryKey: ['articles', 'versions', articleId, number],
    queryFn: () => backend.getArticleVersion(articleId, number),
    staleTime: Infinity,
  })

/** One version's content; nothing is asked while `number` is null. */
export function useArticleVersion(articleId: string, number: number | null) {
  return useQuery({
    ...articleVersionQueryOptions(useBackend(), articleId, number ?? 0),
    enabled: number !== null,
  })
}
