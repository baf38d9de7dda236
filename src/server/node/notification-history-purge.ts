import { notificationHistoryCutoffs } from '../../domain/notification-retention'
import type { NotificationHistoryPurged, Store } from '../store'
import { startPeriodicTask } from './periodic-task'

export interface NotificationHistoryPurgeOptions {
  store: Store
  now: () => Date
  /** How often to look (hourly on the server). */
  intervalMs: number
  onPurged: (purged: NotificationHistoryPurged) => void
  onError: (error: unknown) => void
}

/**
 * Deletes notification e-mails 30 days after they were sent or given up, the records of
 * reminders a day after their deadline, and notifications 90 days after they were read or a year
 * after they were made when nobody read them (`src/domain/notification-retention.ts`), at start
 * and then periodically. Several processes may do it at once: the deletes are idempotent.
 */
export function startNotificationHistoryPurge(options: NotificationHistoryPurgeOptions) {
  return startPeriodicTask({
    intervalMs: options.intervalMs,
    onError: options.onError,
    run: async () => {
      const cutoffs = notificationHistoryCutoffs(options.now())
      const purged = await options.store.transaction((tx) => tx.purgeNotificationHistory(cutoffs))
      if (Object.values(purged).some((count) => count > 0)) options.onPurged(purged)
    },
  })
}
