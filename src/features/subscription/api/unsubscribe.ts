import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { unsubscribeInfoQueryOptions } from './get-unsubscribe-info'

/** POST /subscription/unsubscribe/:token: the one button of the unsubscribe page. */
export function useUnsubscribe(token: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => backend.unsubscribe(token),
    onSuccess: (info) =>
      queryClient.setQueryData(unsubscribeInfoQueryOptions(backend, token).queryKey, info),
  })
}
