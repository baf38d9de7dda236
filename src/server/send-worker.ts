import { afterAttempt, skippedReasons, type DeliveryStep } from '../domain/delivery'
import type { MailPort, OutgoingMessage } from './mail/mail-port'
import type { ClaimedDelivery, DeliveryKey, DeliveryState, SendJob, Store, StoreTx } from './store'

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
  /**
   * Called once per send when its last message is through (to mark the issue versendet), in the
   * transaction that marks the send done: a crash between the two cannot leave a finished send
   * whose issue never becomes versendet.
   */
  onSendFinished?: (tx: StoreTx, send: SendJob) => Promise<void>
  /**
   * Outcomes recorded together in one transaction (a commit per message would cost more than
   * the SMTP handover): at most this many wait, and none longer than `completionDelayMs`.
   */
  completionBatch?: number
  completionDelayMs?: number
  /**
   * Taken deliveries are checked again in chunks of this many (one query each, read while the
   * chunk before goes out), so that an unsubscribe, an erasure or "Anhalten" during a batch holds
   * for the messages not yet sent: at most two chunks go out after it.
   */
  recheckEvery?: number
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

const keyOf = (key: DeliveryKey) => `${key.sendId}\u0000${key.subscriberId}`

/**
 * The state of each taken delivery, read for `size` of them at a time: a chunk's states are read
 * when the lanes reach the chunk before it, so that the lanes do not wait for the check, and a
 * change reaches every message from the second chunk after it on.
 */
function stateReader(store: Store, claimed: readonly ClaimedDelivery[], size: number) {
  const chunks = new Map<number, Promise<Map<string, DeliveryState>>>()
  const load = (chunk: number) => {
    let states = chunks.get(chunk)
    if (!states) {
      const keys = claimed
        .slice(chunk * size, (chunk + 1) * size)
        .map((delivery) => ({ sendId: delivery.sendId, subscriberId: delivery.subscriber.id }))
      states = store
        .transaction((tx) => tx.deliveryStates(keys))
        .then((rows) => new Map(rows.map((row) => [keyOf(row), row])))
      chunks.set(chunk, states)
    }
    return states
  }
  return (index: number): Promise<Map<string, DeliveryState>> => {
    const chunk = Math.floor(index / size)
    if ((chunk + 1) * size < claimed.length) void load(chunk + 1).catch(() => {})
    return load(chunk)
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
) {
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      const item = items[index]
      if (item !== undefined) await work(item, index)
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
  const recheckEvery = deps.recheckEvery ?? 2 * parallel
  const { store } = deps
  /**
   * The sends of taken deliveries: a send's message is fixed, so it is read once while the
   * queue is busy (forgotten when a round finds less than a full batch).
   */
  const sends = new Map<string, SendJob | undefined>()

  async function deliver(
    delivery: ClaimedDelivery,
    state: DeliveryState | undefined,
    send: SendJob | undefined,
    completions: ReturnType<typeof completionWriter>,
    held: DeliveryKey[],
  ) {
    const key = { sendId: delivery.sendId, subscriberId: delivery.subscriber.id }
    // erased, unsubscribed (then `skipped`) or taken over after the lease: nothing to do here
    if (state?.status !== 'sending' || state.claimedBy !== deps.workerId) return
    if (state.sendStatus !== 'running') {
      held.push(key)
      return
    }
    let step: DeliveryStep
    if (!send || state.subscriberStatus !== 'confirmed')
      step = { status: 'skipped', reason: skippedReasons.notConfirmed }
    else {
      const outcome = await deps.mail.send(await deps.compose(send, delivery.subscriber))
      step = afterAttempt(outcome, delivery.attempts, deps.now())
    }
    await completions.add({ ...key, workerId: deps.workerId, at: deps.now().toISOString(), step })
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
    const stateOf = stateReader(store, claimed, recheckEvery)
    const held: DeliveryKey[] = []
    try {
      await inParallel(claimed, parallel, async (delivery, index) => {
        const states = await stateOf(index)
        await deliver(
          delivery,
          states.get(keyOf({ sendId: delivery.sendId, subscriberId: delivery.subscriber.id })),
          sends.get(delivery.sendId),
          completions,
          held,
        )
      })
    } finally {
      await completions.drain()
    }
    // "Anhalten" during the batch: the rest goes back to the queue, for "Fortsetzen"
    if (held.length > 0) await store.transaction((tx) => tx.releaseDeliveries(deps.workerId, held))
    // a full batch leaves more to do: the round right after it finds out whether a send is through
    if (claimed.length < batchSize) {
      await store.transaction(async (tx) => {
        const finished = await tx.finishCompletedSends(deps.now().toISOString())
        for (const send of finished) await deps.onSendFinished?.(tx, send)
      })
      sends.clear()
    }
    return claimed.length
  }

  return { runOnce, batchSize }
}
