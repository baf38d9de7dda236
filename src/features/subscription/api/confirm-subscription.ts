import { useMutation } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'

/** POST /subscription/confirm: the button behind the link of the confirmation e-mail. */
export function useConfirmSubscription() {
  const backend = useBackend()
  return useMutation({ mutationFn: (token: string) => backend.confirmSubscription(token) })
}
