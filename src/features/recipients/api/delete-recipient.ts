import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import type { Subscriber } from '../../../domain/subscriber'

/** DELETE /recipients/:id: erases the address; a hash of it stays on the suppression list. */
export function useDeleteRecipient() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (recipient: Pick<Subscriber, 'id' | 'email'>) =>
      backend.deleteRecipient(recipient.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['recipients'] }),
  })
}
