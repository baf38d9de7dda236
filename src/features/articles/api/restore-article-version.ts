import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { articleQueryOptions } from '../../../backend/queries/get-article'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import { articleVersionsQueryOptions } from '../../../backend/queries/list-article-versions'

/**
 * POST /articles/:id/versions/:number/restore with the article's current version; the restored
 * article goes into the cache, the versions and lists are refreshed, and so is the issue (a
 * restore takes an approval back like any change).
 */
export function useRestoreArticleVersion() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, number, version }: { id: string; number: number; version: number }) =>
      backend.restoreArticleVersion(id, number, { version }),
    onSuccess: (article) => {
      queryClient.setQueryData(articleQueryOptions(backend, article.id).queryKey, article)
      void queryClient.invalidateQueries({
        queryKey: articleVersionsQueryOptions(backend, article.id).queryKey,
        exact: true,
      })
      void queryClient.invalidateQueries({
        queryKey: articlesQueryOptions(backend).queryKey.slice(0, 2),
      })
      if (article.issueId !== null) {
        void queryClient.invalidateQueries({
          queryKey: issueQueryOptions(backend, article.issueId).queryKey,
        })
      }
    },
    onError: (_error, { id }) => {
      void queryClient.invalidateQueries({
        queryKey: articleVersionsQueryOptions(backend, id).queryKey,
        exact: true,
      })
    },
  })
}
