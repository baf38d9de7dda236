/** What the loop needs of a send worker (createSendWorker / createIssueSendWorker). */
export interface LoopedWorker {
  /** One round; returns how many deliveries it took. */
  runOnce(): Promise<number>
  batchSize: number
}

export interface SendLoopOptions {
  /** How long to wait for new work after a round that found less than a full batch. */
  pollMs: number
  /** A round that failed (e.g. the database was away): logged, the loop tries again after pollMs. */
  onError: (error: unknown) => void
}

/** A running send loop: `wake` starts a round now, `stop` lets the current round finish. */
export interface SendLoop {
  wake(): void
  stop(): Promise<void>
}

/**
 * Runs a send worker for the life of the process: a round at once, again straight away while
 * rounds come back full (more is waiting), otherwise every `pollMs`; `wake` starts one at once
 * (a send was just stored). Only one round runs at a time; a wake during a round makes the loop
 * go on after it. `stop` takes no new round and waits for the current one, whose messages are
 * then sent and recorded, so that nothing is left in flight.
 */
export function startSendLoop(worker: LoopedWorker, options: SendLoopOptions): SendLoop {
  let stopped = false
  let woken = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null

  async function rounds() {
    while (!stopped) {
      woken = false
      let taken: number
      try {
        taken = await worker.runOnce()
      } catch (error) {
        options.onError(error)
        return
      }
      if (taken < worker.batchSize && !woken) return
    }
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(wake, options.pollMs)
    timer.unref?.()
  }

  function wake() {
    if (stopped) return
    if (running) {
      woken = true
      return
    }
    if (timer) clearTimeout(timer)
    timer = null
    running = rounds().finally(() => {
      running = null
      schedule()
    })
  }

  wake()
  return {
    wake,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
