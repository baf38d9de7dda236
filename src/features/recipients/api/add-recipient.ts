import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import type { AddRecipientInput } from '../../../domain/sending'

/**
 * Whether adding failed only because the address was erased before: the 422 answer names the
 * field `readdErased`. Then the person is asked, and the address sent again with `readdErased`.
 */
export function isErasedAddressError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 422 && 'readdErased' in error.fieldErrors
}

/** POST /recipients: one address entered by hand. */
export function useAddRecipient() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: AddRecipientInput) => backend.addRecipient(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recipients'] }),
  })
}
