import { useMutation } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import type { SubscribeInput } from '../../../domain/sending'

/** POST /subscription: asks for the confirmation e-mail (double opt-in). */
export function useSubscribe() {
  const backend = useBackend()
  return useMutation({ mutationFn: (input: SubscribeInput) => backend.subscribe(input) })
}
