import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /publication/name: the newsletter's title and subtitle (no session needed). */
export const publicationNameQueryOptions = (backend: Backend) =>
  queryOptions({
    queryKey: ['publication', 'name'],
    queryFn: () => backend.getPublicationName(),
  })

export function usePublicationName() {
  return useQuery(publicationNameQueryOptions(useBackend()))
}
