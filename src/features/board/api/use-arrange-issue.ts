import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { ApiError, NetworkError, errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { conflictCurrent } from '../../../backend/conflict'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { issueHistoryQueryOptions } from '../../../backend/queries/get-issue-history'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import { issueSchema, type Issue } from '../../../domain/issue'

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

/**
 * PUT /issues/:id/articles as optimistic moves: the board shows each move at once, moves go to
 * the server one after another (each with the version the previous one returned), and a refused
 * move rolls the board back to the server's order with a German message; moves queued after a
 * refused one are dropped with it, so nothing is applied on top of a state the user never saw.
 */
export function useArrangeIssue(issueId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const key = issueQueryOptions(backend, issueId).queryKey
  const confirmed = useRef<Issue | null>(null)
  const queue = useRef<Promise<void>>(Promise.resolve())
  const generation = useRef(0)
  const inFlight = useRef(0)
  const [pending, setPending] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const mutation = useMutation({
    mutationFn: (input: { articleIds: string[]; version: number }) =>
      backend.arrangeIssue(issueId, input),
  })

  const move = (articleIds: string[]) => {
    const current = queryClient.getQueryData(key)
    if (!current) return
    if (inFlight.current === 0) confirmed.current = current
    void queryClient.cancelQueries({ queryKey: key })
    queryClient.setQueryData(key, { ...current, articleIds })
    setError(null)
    setSaved(false)
    inFlight.current++
    setPending(inFlight.current)
    const myGeneration = generation.current
    queue.current = queue.current.then(async () => {
      try {
        if (myGeneration !== generation.current || !confirmed.current) return
        confirmed.current = await mutation.mutateAsync({
          articleIds,
          version: confirmed.current.version,
        })
      } catch (reason) {
        if (myGeneration === generation.current) {
          generation.current++
          confirmed.current = conflictCurrent(reason, issueSchema) ?? confirmed.current
          setError(refusalMessage(reason))
        }
      } finally {
        inFlight.current--
        setPending(inFlight.current)
        if (inFlight.current === 0 && confirmed.current) {
          setSaved(myGeneration === generation.current)
          queryClient.setQueryData(key, confirmed.current)
          void queryClient.invalidateQueries({
            queryKey: articlesQueryOptions(backend).queryKey.slice(0, 2),
          })
          void queryClient.invalidateQueries({
            queryKey: issueHistoryQueryOptions(backend, issueId).queryKey,
          })
        }
      }
    })
  }

  return { move, pending: pending > 0, saved, error, dismissError: () => setError(null) }
}
