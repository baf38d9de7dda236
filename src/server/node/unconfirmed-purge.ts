import { unconfirmedRetentionMs } from '../routes/subscription'
import type { Store } from '../store'
import { startPeriodicTask } from './periodic-task'

export interface UnconfirmedPurgeOptions {
  store: Store
  now: () => Date
  /** How often to look (hourly on the server). */
  intervalMs: number
  onPurged: (count: number) => void
  onError: (error: unknown) => void
}

/**
 * Deletes sign-ups that were never confirmed once they are older than the retention (7 days),
 * at start and then periodically, also when nobody signs up for a while (each sign-up purges as
 * well). Several processes may do it at once: the delete is idempotent.
 */
export function startUnconfirmedPurge(options: UnconfirmedPurgeOptions) {
  return startPeriodicTask({
    intervalMs: options.intervalMs,
    onError: options.onError,
    run: async () => {
      const before = new Date(options.now().getTime() - unconfirmedRetentionMs).toISOString()
      const count = await options.store.transaction((tx) => tx.purgeUnconfirmedSubscribers(before))
      if (count > 0) options.onPurged(count)
    },
  })
}
