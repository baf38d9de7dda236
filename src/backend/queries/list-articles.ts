import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ArticleQuery, Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /articles with filters; the key starts with ['articles'] so saves invalidate every list. */
export const articlesQueryOptions = (backend: Backend, query: ArticleQuery = {}) =>
  queryOptions({
    queryKey: ['articles', 'list', query],
    queryFn: () => backend.listArticles(query),
  })

export function useArticles(query: ArticleQuery = {}) {
  return useQuery(articlesQueryOptions(useBackend(), query))
}
