import { useIsMutating, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { ApiError, NetworkError, errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { adoptConflictCurrent, conflictCurrent } from '../../../backend/conflict'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import { issueSchema } from '../../../domain/issue'

function refusalMessage(error: unknown): string {
  if (conflictCurrent(error, issueSchema)) {
    return 'Die Ausgabe wurde inzwischen von jemand anderem geändert. Ihre Verschiebung wurde nicht übernommen; die aktuelle Reihenfolge wird angezeigt.'
  }
  if (error instanceof NetworkError) {
    return 'Keine Verbindung zum Server – die Verschiebung wurde zurückgenommen. Bitte versuchen Sie es erneut.'
  }
  if (error instanceof ApiError) return `Die Verschiebung wurde nicht übernommen: ${error.message}`
  return errorMessage(error)
}

/** One move: the new order, and the move that was still waiting or running when it was made. */
interface Arrangement {
  articleIds: string[]
  queuedBehind: number | null
}

/** The refusal of the move this one queued behind (directly or through moves dropped with it). */
function refusalBefore(queryClient: QueryClient, { queuedBehind }: Arrangement): unknown {
  if (queuedBehind === null) return undefined
  const before = queryClient
    .getMutationCache()
    .getAll()
    .find((mutation) => mutation.mutationId === queuedBehind)
  return before?.state.status === 'error' ? before.state.error : undefined
}

/**
 * PUT /issues/:id/articles as optimistic moves: the board shows each move at once; the mutation
 * scope sends the moves of one issue one after another, each with the version the previous one
 * returned (written into the cache on success). A refused move rolls the board back to the last
 * confirmed order (or the server's current one after a 409) with a German message; moves queued
 * behind it are dropped with it, so nothing is applied on top of a state the user never saw.
 */
export function useArrangeIssue(issueId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const { issueKey, mutationKey } = useMemo(
    () => ({
      issueKey: issueQueryOptions(backend, issueId).queryKey,
      mutationKey: ['issues', issueId, 'arrange'],
    }),
    [backend, issueId],
  )
  const pending = useIsMutating({ mutationKey }) > 0
  const isLastPending = () => queryClient.isMutating({ mutationKey }) === 1

  const mutation = useMutation({
    mutationKey,
    scope: { id: `issue-${issueId}` },
    mutationFn: async (arrangement: Arrangement) => {
      const refusal = refusalBefore(queryClient, arrangement)
      if (refusal !== undefined) throw refusal
      const confirmed = queryClient.getQueryData(issueKey)
      if (!confirmed) throw new Error('Die Ausgabe ist nicht geladen.')
      return backend.arrangeIssue(issueId, {
        articleIds: arrangement.articleIds,
        version: confirmed.version,
      })
    },
    onMutate: ({ articleIds }) => {
      // Cancelling reverts a running refetch at once, so the move can be written right away and
      // shows in the same render as the click that made it (the board moves focus in that render).
      void queryClient.cancelQueries({ queryKey: issueKey })
      const shown = queryClient.getQueryData(issueKey)
      if (shown) queryClient.setQueryData(issueKey, { ...shown, articleIds })
      return { shownBefore: shown }
    },
    onSuccess: (confirmed) => {
      // Moves still queued stay on screen; the confirmed version is what the next one sends.
      queryClient.setQueryData(issueKey, (shown) =>
        shown && !isLastPending() ? { ...confirmed, articleIds: shown.articleIds } : confirmed,
      )
    },
    onError: (error, arrangement, context) => {
      if (refusalBefore(queryClient, arrangement) !== undefined) return
      if (adoptConflictCurrent(queryClient, issueKey, error, issueSchema)) return
      const before = context?.shownBefore
      queryClient.setQueryData(issueKey, (shown) =>
        shown && before ? { ...shown, articleIds: before.articleIds } : shown,
      )
    },
    onSettled: () => {
      if (!isLastPending()) return
      void queryClient.invalidateQueries({ queryKey: issueKey })
      void queryClient.invalidateQueries({
        queryKey: articlesQueryOptions(backend).queryKey.slice(0, 2),
      })
    },
  })

  const { mutate } = mutation
  const move = useCallback(
    (articleIds: string[]) => {
      if (!queryClient.getQueryData(issueKey)) return
      const waiting = queryClient.getMutationCache().findAll({ mutationKey, status: 'pending' })
      mutate({ articleIds, queuedBehind: waiting.at(-1)?.mutationId ?? null })
    },
    [queryClient, mutate, issueKey, mutationKey],
  )

  return {
    move,
    pending,
    saved: mutation.isSuccess && !pending,
    error: mutation.error ? refusalMessage(mutation.error) : null,
    dismissError: mutation.reset,
  }
}
