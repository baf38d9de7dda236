import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { articleQueryOptions } from '../../../backend/queries/get-article'
import { commentThreadsQueryOptions } from '../../../backend/queries/list-comment-threads'
import { openCommentCountsQueryOptions } from '../../../backend/queries/open-comment-counts'
import type { Article } from '../../../domain/article'
import type { CommentThread, CreateCommentThreadInput } from '../../../domain/comment'

/** Puts a changed thread into the article's list and refreshes the board's counts. */
function useThreadChanged(articleId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return (thread: CommentThread) => {
    queryClient.setQueryData(commentThreadsQueryOptions(backend, articleId).queryKey, (threads) => {
      if (!threads) return threads
      return threads.some((item) => item.id === thread.id)
        ? threads.map((item) => (item.id === thread.id ? thread : item))
        : [...threads, thread]
    })
    void queryClient.invalidateQueries({
      queryKey: openCommentCountsQueryOptions(backend).queryKey,
    })
  }
}

/** POST /articles/:id/comments: the new thread and the article with its anchor go into the cache. */
export function useCreateCommentThread(articleId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const changed = useThreadChanged(articleId)
  return useMutation({
    mutationFn: (input: CreateCommentThreadInput) => backend.createCommentThread(articleId, input),
    onSuccess: ({ thread, article }) => {
      queryClient.setQueryData(articleQueryOptions(backend, article.id).queryKey, article)
      changed(thread)
    },
  })
}

export function useReplyToCommentThread(articleId: string) {
  const backend = useBackend()
  const changed = useThreadChanged(articleId)
  return useMutation({
    mutationFn: ({ threadId, text }: { threadId: string; text: string }) =>
      backend.replyToCommentThread(threadId, { text }),
    onSuccess: changed,
  })
}

export function useEditComment(articleId: string) {
  const backend = useBackend()
  const changed = useThreadChanged(articleId)
  return useMutation({
    mutationFn: ({ commentId, text }: { commentId: string; text: string }) =>
      backend.editComment(commentId, { text }),
    onSuccess: changed,
  })
}

/**
 * DELETE /comments/:id; the only comment of a thread takes the thread and its anchor along: the
 * article without it goes into the cache, and `onThreadDeleted` takes the anchor out of the editor.
 */
export function useDeleteComment(
  articleId: string,
  onThreadDeleted: (threadId: string, article: Article | null) => void,
) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ commentId }: { commentId: string; threadId: string; takesThread: boolean }) =>
      backend.deleteComment(commentId),
    onSuccess: ({ article }, { threadId, takesThread }) => {
      if (article) {
        queryClient.setQueryData(articleQueryOptions(backend, article.id).queryKey, article)
      }
      if (takesThread || article) onThreadDeleted(threadId, article)
    },
    onSettled: () => {
      void queryClient.invalidateQueries({
        queryKey: commentThreadsQueryOptions(backend, articleId).queryKey,
      })
      void queryClient.invalidateQueries({
        queryKey: openCommentCountsQueryOptions(backend).queryKey,
      })
    },
  })
}

/** "Erledigt" (`resolved: true`) or "Wieder öffnen". */
export function useResolveCommentThread(articleId: string) {
  const backend = useBackend()
  const changed = useThreadChanged(articleId)
  return useMutation({
    mutationFn: ({ threadId, resolved }: { threadId: string; resolved: boolean }) =>
      resolved ? backend.resolveCommentThread(threadId) : backend.reopenCommentThread(threadId),
    onSuccess: changed,
  })
}
