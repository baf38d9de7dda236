import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { adoptConflictCurrent } from '../../../backend/conflict'
import { publicationQueryOptions } from '../../../backend/queries/get-publication'
import { publicationSchema, type UpdatePublicationInput } from '../../../domain/publication'

/** PUT /publication; the saved (or, on 409, current) publication goes into the cache. */
export function useUpdatePublication() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const key = publicationQueryOptions(backend).queryKey
  return useMutation({
    mutationFn: (input: UpdatePublicationInput) => backend.updatePublication(input),
    onSuccess: (publication) => queryClient.setQueryData(key, publication),
    onError: (error) => adoptConflictCurrent(queryClient, key, error, publicationSchema),
  })
}
