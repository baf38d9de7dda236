import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import type { RecipientImportInput } from '../../../domain/sending'

/** POST /recipients/import: checks a CSV file (`commit: false`) or stores it (`commit: true`). */
export function useImportRecipients() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RecipientImportInput) => backend.importRecipients(input),
    onSuccess: (result) => {
      if (result.committed) void queryClient.invalidateQueries({ queryKey: ['recipients'] })
    },
  })
}
