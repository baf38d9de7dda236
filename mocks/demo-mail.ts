import type { MailSettings } from '../src/server/context'
import { createIssueSendWorker } from '../src/server/issue-send-worker'
import { createNotificationMailWorker } from '../src/server/notification-mail-worker'
import { notificationHistoryCutoffs } from '../src/domain/notification-retention'
import { runReminderTick } from '../src/server/reminders'
import type { Store } from '../src/server/store'
import type { createOutbox } from './outbox-mail'

/**
 * Signs the demo's unsubscribe links. Not a secret: the demo runs in the visitor's browser, and
 * its links lead only to the same browser's demo data.
 */
export const demoMailSecret = 'rundbrief-demo-abmeldelinks'

/** The demo's mail settings: the Postausgang as mail port, links to the page's own address. */
export function demoMailSettings(
  outbox: ReturnType<typeof createOutbox>,
  publicUrl: string,
  wakeWorker?: () => void,
): MailSettings {
  return {
    port: outbox.port,
    from: 'Stadt Gera – Dezernat Soziales <newsletter@gera.de>',
    list: {
      publicUrl: publicUrl.replace(/\/+$/, ''),
      listId: 'soziales.rundbrief.gera.de',
      listName: 'Nachrichten aus dem Dezernat Soziales',
      unsubscribeMailbox: 'newsletter-abmelden@gera.de',
      messageDomain: 'gera.de',
    },
    secret: demoMailSecret,
    confirmationHours: 48,
    outbox: outbox.list,
    ...(wakeWorker ? { wakeWorker } : {}),
  }
}

/**
 * Runs the send worker of the demo in the page: one batch per `intervalMs`, the next one soon
 * after a full batch, at once on `wake()`. Rounds never overlap; a failed round is reported and
 * the next one tries again.
 */
export function startDemoSendWorker(options: {
  store: Store
  mail: MailSettings
  intervalMs?: number
  batchSize?: number
  logError?: (error: unknown) => void
}) {
  const intervalMs = options.intervalMs ?? 1_000
  const worker = createIssueSendWorker({
    store: options.store,
    mail: options.mail,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    // each tab runs its own worker on the shared demo data
    workerId: `demo-${crypto.randomUUID()}`,
    batchSize: options.batchSize ?? 10,
    // a closed tab's messages in hand go to another tab's worker soon
    leaseMs: 30_000,
  })
  const logError =
    options.logError ?? ((error) => console.error('[rundbrief] Versand in der Demo', error))
  let round: Promise<void> | null = null
  let wokenDuringRound = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const schedule = (delayMs: number) => {
    clearTimeout(timer)
    if (!stopped) timer = setTimeout(wake, delayMs)
  }
  function wake() {
    if (round) {
      wokenDuringRound = true
      return
    }
    wokenDuringRound = false
    round = worker
      .runOnce()
      .then((taken) =>
        schedule(taken >= worker.batchSize || wokenDuringRound ? intervalMs / 4 : intervalMs),
      )
      .catch((error: unknown) => {
        logError(error)
        schedule(intervalMs)
      })
      .finally(() => (round = null))
  }
  schedule(intervalMs)
  return {
    wake,
    /** Ends the loop after the round under way (for tests). */
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await round
    },
  }
}

/**
 * The reminders and the notification e-mails of the demo, in the page like its send worker:
 * soon after the page loads and then every `intervalMs` a round of reminders (each one made once across all tabs: the shared demo
 * state runs one transaction at a time) and of the notification e-mails, which land in the
 * Postausgang. Like the server, the first round and then one an hour also delete the old
 * notification e-mails and reminder records. Rounds never overlap; a failed round is reported
 * and the next one tries again.
 */
export function startDemoNotifications(options: {
  store: Store
  mail: MailSettings
  intervalMs?: number
  now?: () => Date
  logError?: (error: unknown) => void
}) {
  const intervalMs = options.intervalMs ?? 5_000
  const purgeIntervalMs = 60 * 60_000
  const now = options.now ?? (() => new Date())
  let purgedAt: number | null = null
  const mails = createNotificationMailWorker({
    store: options.store,
    mail: options.mail,
    now,
    workerId: `demo-${crypto.randomUUID()}`,
    leaseMs: 30_000,
  })
  const logError =
    options.logError ?? ((error) => console.error('[rundbrief] Erinnerungen in der Demo', error))
  let round: Promise<void> | null = null
  let stopped = false
  const runRound = async () => {
    const started = now()
    if (purgedAt === null || started.getTime() - purgedAt >= purgeIntervalMs) {
      await options.store.transaction((tx) =>
        tx.purgeNotificationHistory(notificationHistoryCutoffs(started)),
      )
      purgedAt = started.getTime()
    }
    await runReminderTick({
      store: options.store,
      now,
      newId: () => crypto.randomUUID(),
      mail: options.mail,
      publicUrl: options.mail.list.publicUrl,
    })
    while ((await mails.runOnce()) >= mails.batchSize);
  }
  const startRound = () => {
    if (round || stopped) return
    round = runRound()
      .catch(logError)
      .finally(() => (round = null))
  }
  // a round soon after the page loads (a reload must not push the reminders back), then regularly
  const first = setTimeout(startRound, 500)
  const timer = setInterval(startRound, intervalMs)
  return {
    /** Ends the loop after the round under way (for tests). */
    stop: async () => {
      stopped = true
      clearTimeout(first)
      clearInterval(timer)
      await round
    },
  }
}
