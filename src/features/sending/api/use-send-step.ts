import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'
import type { SendProgress } from '../../../domain/sending'
import { sendQueryOptions } from './get-send'
import { sendsQueryOptions } from './list-sends'

/** A step on a send ("Anhalten", "Fortsetzen"): the answer is its progress, shown at once. */
export function useSendStep(
  sendId: string,
  issueId: string,
  step: (backend: Backend, sendId: string) => Promise<SendProgress>,
) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const sendKey = sendQueryOptions(backend, sendId).queryKey
  return useMutation({
    mutationFn: () => step(backend, sendId),
    onSuccess: (send) => queryClient.setQueryData(sendKey, send),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sendKey }),
        queryClient.invalidateQueries({ queryKey: sendsQueryOptions(backend, issueId).queryKey }),
      ]),
  })
}
