import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ConflictError } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { publicationQueryOptions } from '../../../backend/queries/get-publication'
import type { Publication, UpdateLayoutInput } from '../../../domain/publication'

/** PUT /publication/layout; the saved (or, on 409, current) publication goes into the cache. */
export function useUpdateLayout() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const key = publicationQueryOptions(backend).queryKey
  return useMutation({
    mutationFn: (input: UpdateLayoutInput) => backend.updateLayout(input),
    onSuccess: (publication) => queryClient.setQueryData(key, publication),
    onError: (error) => {
      if (error instanceof ConflictError && error.current)
        queryClient.setQueryData(key, error.current as Publication)
    },
  })
}
