import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'
import { isSendActive } from './list-sends'

/** How often the send page asks for progress while a send is under way or planned. */
export const sendPollMs = 1_000

/** GET /sends/:id: counts and failed addresses. */
export const sendQueryOptions = (backend: Backend, sendId: string) =>
  queryOptions({
    queryKey: ['send', sendId],
    queryFn: () => backend.getSend(sendId),
  })

export function useSend(sendId: string) {
  return useQuery({
    ...sendQueryOptions(useBackend(), sendId),
    refetchInterval: (query) =>
      query.state.data && isSendActive(query.state.data) ? sendPollMs : false,
    refetchIntervalInBackground: false,
  })
}
