import { afterAttempt, skippedReasons, type DeliveryStep } from '../domain/delivery'
import type { MailPort, OutgoingMessage } from './mail/mail-port'
import type { ClaimedDelivery, SendJob, Store, StoreTx } from './store'

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
  /**
   * Outcomes recorded together in one transaction (a commit per message would cost more than
   * the SMTP handover): at most this many wait, and none longer than `completionDelayMs`.
   */
  completionBatch?: number
  completionDelayMs?: number
}

type Completion = Parameters<StoreTx['completeDelivery']>[0]

/** Outcomes recorded together in one transaction, unless `completionBatch` says otherwise. */
export const defaultCompletionBatch = 10

/**
 * Collects outcomes and records them in one transaction each `size` outcomes or `delayMs` after
 * the first waiting one, one write after the other. A lane goes on sending while its outcome
 * waits, unless `2 × size` outcomes are unrecorded already: then it waits for the writes, so a
 * crash can lose the record of at most `2 × size + parallel` accepted messages. `drain` records
 * the rest and reports a failed write (those deliveries stay `sending` until the lease ends).
 */
function completionWriter(store: Store, size: number, delayMs: number) {
  let waiting: Completion[] = []
  let unrecorded = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let written: Promise<void> = Promise.resolve()

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = null
    const items = waiting
    waiting = []
    if (items.length > 0)
      written = written.then(async () => {
        await store.transaction(async (tx) => {
          for (const item of items) await tx.completeDelivery(item)
        })
        unrecorded -= items.length
      })
    // handled here, reported by drain: a rejection between flushes must not end the process
    written.catch(() => {})
    return written
  }

  return {
    async add(completion: Completion) {
      waiting.push(completion)
      unrecorded++
      if (waiting.length >= size) void flush()
      else timer ??= setTimeout(() => void flush(), delayMs)
      while (unrecorded >= 2 * size) await written
    },
    drain: flush,
  }
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
  const completionBatch = deps.completionBatch ?? defaultCompletionBatch
  const completionDelayMs = deps.completionDelayMs ?? 100
  const { store } = deps
  /**
   * The sends of taken deliveries: a send's message is fixed, so it is read once while the
   * queue is busy (forgotten when a round finds less than a full batch).
   */
  const sends = new Map<string, SendJob | undefined>()

  async function deliver(
    delivery: ClaimedDelivery,
    send: SendJob | undefined,
    completions: ReturnType<typeof completionWriter>,
  ) {
    let step: DeliveryStep
    if (!send || delivery.subscriber.status !== 'confirmed')
      step = { status: 'skipped', reason: skippedReasons.notConfirmed }
    else {
      const outcome = await deps.mail.send(await deps.compose(send, delivery.subscriber))
      step = afterAttempt(outcome, delivery.attempts, deps.now())
    }
    await completions.add({
      sendId: delivery.sendId,
      subscriberId: delivery.subscriber.id,
      workerId: deps.workerId,
      at: deps.now().toISOString(),
      step,
    })
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
    for (const sendId of new Set(claimed.map((delivery) => delivery.sendId)))
      if (!sends.has(sendId))
        sends.set(sendId, (await store.transaction((tx) => tx.getSend(sendId))) ?? undefined)
    const completions = completionWriter(store, completionBatch, completionDelayMs)
    try {
      await inParallel(claimed, parallel, (delivery) =>
        deliver(delivery, sends.get(delivery.sendId), completions),
      )
    } finally {
      await completions.drain()
    }
    // a full batch leaves more to do: the round right after it finds out whether a send is through
    if (claimed.length < batchSize) {
      const finished = await store.transaction((tx) =>
        tx.finishCompletedSends(deps.now().toISOString()),
      )
      for (const send of finished) await deps.onSendFinished?.(send)
      sends.clear()
    }
    return claimed.length
  }

  return { runOnce, batchSize }
}
