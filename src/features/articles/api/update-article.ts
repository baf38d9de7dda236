import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { articleQueryOptions } from '../../../backend/queries/get-article'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import type { UpdateArticleInput } from '../../../domain/article'

/** PATCH /articles/:id; the saved article goes into the cache, lists are refreshed. */
export function useUpdateArticle() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateArticleInput }) =>
      backend.updateArticle(id, input),
    onSuccess: (article) => {
      queryClient.setQueryData(articleQueryOptions(backend, article.id).queryKey, article)
      // A change to an approved issue's content withdraws the approval on the server: the
      // issue (status, banner, Verlauf) must not go on saying "freigegeben".
      const issueKey = article.issueId ? issueQueryOptions(backend, article.issueId).queryKey : null
      if (issueKey && queryClient.getQueryData(issueKey)?.status === 'approved') {
        void queryClient.invalidateQueries({ queryKey: issueKey.slice(0, 1) })
      }
      void queryClient.invalidateQueries({
        queryKey: articlesQueryOptions(backend).queryKey.slice(0, 2),
      })
    },
  })
}
