import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'

/** How often the bell asks for news while the page is open (and again on window focus). */
const refetchIntervalMs = 60_000

/** GET /notifications: the caller's notifications with the unread count. */
export const notificationsQueryOptions = (backend: Backend) =>
  queryOptions({
    queryKey: ['notifications'],
    queryFn: () => backend.listNotifications(),
    refetchInterval: refetchIntervalMs,
    refetchOnWindowFocus: true,
  })

export function useNotifications() {
  return useQuery(notificationsQueryOptions(useBackend()))
}

/** Marks one notification, or (without an id) all of them, read; the list is asked for anew. */
export function useMarkNotificationsRead() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string | null) =>
      id === null ? backend.markAllNotificationsRead() : backend.markNotificationRead(id),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: notificationsQueryOptions(backend).queryKey }),
  })
}
