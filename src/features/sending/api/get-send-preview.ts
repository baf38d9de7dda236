import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'

/** GET /issues/:id/send-preview: subject, sender, recipients and what prevents sending. */
export const sendPreviewQueryOptions = (backend: Backend, issueId: string) =>
  queryOptions({
    // not under ['issues', id]: the workflow's refreshes of the issue need not wait for it
    queryKey: ['send-preview', issueId],
    queryFn: () => backend.getSendPreview(issueId),
    // the number of recipients and the blocker are read when the confirmation opens
    staleTime: 0,
  })

export function useSendPreview(issueId: string, { enabled = true } = {}) {
  return useQuery({ ...sendPreviewQueryOptions(useBackend(), issueId), enabled })
}
