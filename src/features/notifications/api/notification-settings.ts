import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'
import type { NotificationSettingsInput } from '../../../domain/notification-settings'

/** GET /me/notification-settings: the caller's address and switches. */
export const notificationSettingsQueryOptions = (backend: Backend) =>
  queryOptions({
    queryKey: ['notification-settings'],
    queryFn: () => backend.getNotificationSettings(),
  })

export function useNotificationSettings() {
  return useQuery(notificationSettingsQueryOptions(useBackend()))
}

/** PUT /me/notification-settings; the stored settings replace the cached ones. */
export function useSaveNotificationSettings() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: NotificationSettingsInput) => backend.updateNotificationSettings(input),
    onSuccess: (saved) =>
      queryClient.setQueryData(notificationSettingsQueryOptions(backend).queryKey, saved),
  })
}
