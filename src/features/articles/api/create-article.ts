import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { articleQueryOptions } from '../../../backend/queries/get-article'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import type { CreateArticleInput } from '../../../domain/article'

/** POST /articles: a new article in the Themenspeicher. */
export function useCreateArticle() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateArticleInput) => backend.createArticle(input),
    onSuccess: (article) => {
      queryClient.setQueryData(articleQueryOptions(backend, article.id).queryKey, article)
      void queryClient.invalidateQueries({
        queryKey: articlesQueryOptions(backend).queryKey.slice(0, 2),
      })
    },
  })
}
