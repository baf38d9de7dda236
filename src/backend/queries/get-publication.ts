import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /publication: masthead, Impressum, unsubscribe note. */
export const publicationQueryOptions = (backend: Backend) =>
  queryOptions({ queryKey: ['publication'], queryFn: () => backend.getPublication() })

export function usePublication() {
  return useQuery(publicationQueryOptions(useBackend()))
}
