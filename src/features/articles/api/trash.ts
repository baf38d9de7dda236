import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'
import { articleQueryOptions } from '../../../backend/queries/get-article'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import type { Article } from '../../../domain/article'

/** GET /trash: the Papierkorb, most recently deleted first. */
export const trashQueryOptions = (backend: Backend) =>
  queryOptions({ queryKey: ['trash'], queryFn: () => backend.listTrash() })

export function useTrash() {
  return useQuery(trashQueryOptions(useBackend()))
}

/** Refreshes what a delete or restore changes: the article lists and the Papierkorb. */
function useRefreshArticleLists() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: articlesQueryOptions(backend).queryKey.slice(0, 2),
      }),
      queryClient.invalidateQueries({ queryKey: trashQueryOptions(backend).queryKey }),
    ])
}

/** DELETE /articles/:id: into the Papierkorb (an empty article is discarded for good). */
export function useDeleteArticle() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const refresh = useRefreshArticleLists()
  return useMutation({
    mutationFn: (article: Pick<Article, 'id' | 'version'>) =>
      backend.deleteArticle(article.id, article.version),
    onSuccess: (_nothing, article) => {
      queryClient.removeQueries({ queryKey: articleQueryOptions(backend, article.id).queryKey })
    },
    onSettled: () => refresh(),
  })
}

/** POST /trash/:id/restore: back into the Themenspeicher. */
export function useRestoreArticle() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const refresh = useRefreshArticleLists()
  return useMutation({
    mutationFn: (id: string) => backend.restoreArticle(id),
    onSuccess: (article) =>
      queryClient.setQueryData(articleQueryOptions(backend, article.id).queryKey, article),
    onSettled: () => refresh(),
  })
}
