import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'
import type { RecipientQuery } from '../../../domain/sending'

/** GET /recipients with search and status; every key starts with ['recipients'] for invalidation. */
export const recipientsQueryOptions = (backend: Backend, query: RecipientQuery = {}) =>
  queryOptions({
    queryKey: ['recipients', 'list', query],
    queryFn: () => backend.listRecipients(query),
  })

/** The recipients matching `query`; while a new search loads, the last answer stays shown. */
export function useRecipients(query: RecipientQuery = {}, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...recipientsQueryOptions(useBackend(), query),
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous,
  })
}
