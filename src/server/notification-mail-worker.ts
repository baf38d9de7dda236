import { afterAttempt } from '../domain/delivery'
import type { MailSettings } from './context'
import type { Store } from './store'

export interface NotificationMailWorkerOptions {
  store: Store
  mail: MailSettings
  now: () => Date
  /** Unique per process: a taken mail belongs to the worker that took it. */
  workerId: string
  batchSize?: number
  /** After this long another process takes a mail again (a crash repeats at most a batch). */
  leaseMs?: number
}

/**
 * Sends the queued notification e-mails through the mail port, one after the other, with the
 * retries of the Versand (`afterAttempt`: 4xx and an unreachable server again later, 5xx final).
 * Several processes may run it on one database: taking mails skips rows another worker locked.
 */
export function createNotificationMailWorker(options: NotificationMailWorkerOptions) {
  const batchSize = options.batchSize ?? 20
  const leaseMs = options.leaseMs ?? 10 * 60_000
  const { store, mail } = options

  async function runOnce(): Promise<number> {
    const now = options.now()
    const claimed = await store.transaction((tx) =>
      tx.claimNotificationMails({
        workerId: options.workerId,
        now: now.toISOString(),
        limit: batchSize,
        leaseExpiredBefore: new Date(now.getTime() - leaseMs).toISOString(),
      }),
    )
    for (const message of claimed) {
      const outcome = await mail.port.send({
        from: mail.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<benachrichtigung-${message.id}@${mail.list.messageDomain}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      })
      const step = afterAttempt(outcome, message.attempts, options.now())
      await store.transaction((tx) =>
        tx.completeNotificationMail({
          id: message.id,
          workerId: options.workerId,
          at: options.now().toISOString(),
          step,
        }),
      )
    }
    return claimed.length
  }

  return { runOnce, batchSize }
}
