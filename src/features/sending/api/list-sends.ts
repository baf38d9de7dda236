import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'
import type { SendSummary } from '../../../domain/sending'

/** A send that is not through yet: its progress is polled. */
export const isSendActive = (send: Pick<SendSummary, 'status'>) =>
  send.status === 'running' || send.status === 'scheduled'

/** GET /issues/:id/sends, newest first. */
export const sendsQueryOptions = (backend: Backend, issueId: string) =>
  queryOptions({
    // not under ['issues', id]: the workflow's refreshes of the issue need not wait for it
    queryKey: ['sends', issueId],
    queryFn: () => backend.listSends(issueId),
  })

export function useSends(issueId: string, { enabled = true } = {}) {
  return useQuery({
    ...sendsQueryOptions(useBackend(), issueId),
    enabled,
    refetchInterval: (query) => (query.state.data?.some(isSendActive) ? 5_000 : false),
  })
}
