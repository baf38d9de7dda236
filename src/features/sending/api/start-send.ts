import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ConflictError } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { adoptConflictCurrent } from '../../../backend/conflict'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { issueSchema } from '../../../domain/issue'
import type { StartSendInput } from '../../../domain/sending'
import { sendQueryOptions } from './get-send'
import { sendPreviewQueryOptions } from './get-send-preview'
import { sendsQueryOptions } from './list-sends'

/**
 * POST /issues/:id/sends: now or at a planned time. On 409 (the approval no longer holds, or a
 * send is under way) the current issue and the send preview are loaded anew.
 */
export function useStartSend(issueId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const issueKey = issueQueryOptions(backend, issueId).queryKey
  return useMutation({
    mutationFn: (input: StartSendInput) => backend.startSend(issueId, input),
    onSuccess: (send) =>
      queryClient.setQueryData(sendQueryOptions(backend, send.id).queryKey, send),
    onError: (error) => {
      if (error instanceof ConflictError)
        adoptConflictCurrent(queryClient, issueKey, error, issueSchema)
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: issueKey, exact: true }),
        queryClient.invalidateQueries({ queryKey: sendsQueryOptions(backend, issueId).queryKey }),
        queryClient.invalidateQueries({
          queryKey: sendPreviewQueryOptions(backend, issueId).queryKey,
        }),
      ]),
  })
}
