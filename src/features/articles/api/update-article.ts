import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { articleQueryOptions } from '../../../backend/queries/get-article'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import type { UpdateArticleInput } from '../../../domain/article'

/**
 * PATCH /articles/:id; the saved article goes into the cache, lists are refreshed, and so is
 * an approved issue of the article: the save has taken its approval back.
 */
export function useUpdateArticle() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateArticleInput }) =>
      backend.updateArticle(id, input),
    onSuccess: (article) => {
      queryClient.setQueryData(articleQueryOptions(backend, article.id).queryKey, article)
      void queryClient.invalidateQueries({
        queryKey: articlesQueryOptions(backend).queryKey.slice(0, 2),
      })
      if (article.issueId === null) return
      const issueKey = issueQueryOptions(backend, article.issueId).queryKey
      if (queryClient.getQueryData(issueKey)?.status === 'approved') {
        void queryClient.invalidateQueries({ queryKey: issueKey })
      }
    },
  })
}
