import { afterAttempt, skippedReasons, type DeliveryStep } from '../domain/delivery'
import type { MailPort, OutgoingMessage } from './mail/mail-port'
import type { ClaimedDelivery, SendJob, Store } from './store'

export interface SendWorkerDeps {
  store: Store
  mail: MailPort
  now: () => Date
  /** Unique per process: a delivery belongs to the worker that took it. */
  workerId: string
  /** The personal message for one recipient, from the send's fixed message. */
  compose: (
    send: SendJob,
    recipient: ClaimedDelivery['subscriber'],
  ) => OutgoingMessage | Promise<OutgoingMessage>
  /** Deliveries taken per round (the process never holds more recipients than this). */
  batchSize?: number
  /** Messages handed to the mail port at the same time (the SMTP pool's connections). */
  parallel?: number
  /**
   * How long a taken delivery stays this worker's. After it, another process takes it again:
   * the window in which a crash can repeat a message (see docs/decisions/0009-send-queue.md).
   */
  leaseMs?: number
  /** Called once per send when its last message is through (to mark the issue versendet). */
  onSendFinished?: (send: SendJob) => Promise<void>
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]
      if (item !== undefined) await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

/**
 * Works through the send queue: takes a batch of due deliveries, sends each through the mail
 * port, records the outcome, and finishes sends with nothing left to do. Several processes may
 * run a worker on one database; the queue's row locks keep them apart.
 */
export function createSendWorker(deps: SendWorkerDeps) {
  const batchSize = deps.batchSize ?? 100
  const parallel = deps.parallel ?? 5
  const leaseMs = deps.leaseMs ?? 10 * 60_000
  const { store } = deps

  async function deliver(delivery: ClaimedDelivery, send: SendJob | undefined) {
    let step: DeliveryStep
    if (!send || delivery.subscriber.status !== 'confirmed')
      step = { status: 'skipped', reason: skippedReasons.notConfirmed }
    else {
      const outcome = await deps.mail.send(await deps.compose(send, delivery.subscriber))
      step = afterAttempt(outcome, delivery.attempts, deps.now())
    }
    await store.transaction((tx) =>
      tx.completeDelivery({
        sendId: delivery.sendId,
        subscriberId: delivery.subscriber.id,
        workerId: deps.workerId,
        at: deps.now().toISOString(),
        step,
      }),
    )
  }

  /** One round; returns how many deliveries it took (a full batch: more may be waiting). */
  async function runOnce(): Promise<number> {
    const now = deps.now()
    await store.transaction((tx) => tx.startDueSends(now.toISOString()))
    const claimed = await store.transaction((tx) =>
      tx.claimDeliveries({
        workerId: deps.workerId,
        now: now.toISOString(),
        limit: batchSize,
        leaseExpiredBefore: new Date(now.getTime() - leaseMs).toISOString(),
      }),
    )
    const sends = new Map<string, SendJob | undefined>()
    for (const sendId of new Set(claimed.map((delivery) => delivery.sendId)))
      sends.set(sendId, (await store.transaction((tx) => tx.getSend(sendId))) ?? undefined)
    await inParallel(claimed, parallel, (delivery) => deliver(delivery, sends.get(delivery.sendId)))
    const finished = await store.transaction((tx) =>
      tx.finishCompletedSends(deps.now().toISOString()),
    )
    for (const send of finished) await deps.onSendFinished?.(send)
    return claimed.length
  }

  return { runOnce, batchSize }
}
