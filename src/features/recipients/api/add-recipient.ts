import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import type { AddRecipientInput } from '../../../domain/sending'

/** The 409 answer to adding an address that was erased before and stands on the suppression list. */
export const erasedAddressProblemType = '/probleme/adresse-geloescht'

/** Whether adding failed only because the address was erased before (then ask, and send `readdErased`). */
export function isErasedAddressError(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    error.problem.type === erasedAddressProblemType
  )
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
