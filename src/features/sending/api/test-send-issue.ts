import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import type { TestSendInput } from '../../../domain/sending'
import { outboxQueryOptions } from './list-outbox'

/** POST /issues/:id/test-send: the issue as it is now to up to five addresses. */
export function useTestSendIssue(issueId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: TestSendInput) => backend.testSendIssue(issueId, input),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: outboxQueryOptions(backend).queryKey }),
  })
}
