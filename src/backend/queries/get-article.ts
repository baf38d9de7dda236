import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /articles/:id. */
export const articleQueryOptions = (backend: Backend, id: string) =>
  queryOptions({ queryKey: ['articles', 'detail', id], queryFn: () => backend.getArticle(id) })

export function useArticle(id: string) {
  return useQuery(articleQueryOptions(useBackend(), id))
}
