/**
 * Runs `run` at once and then every `intervalMs`, one round at a time (a round still under way
 * when the next is due is not joined by a second one). A failed round goes to `onError`; the
 * next one tries again. The timer does not keep the process alive; `stop()` ends the schedule
 * and waits for the round under way.
 */
export function startPeriodicTask(options: {
  intervalMs: number
  run: () => Promise<void>
  onError: (error: unknown) => void
}) {
  let round: Promise<void> | null = null
  const start = () => {
    round ??= options
      .run()
      .catch(options.onError)
      .finally(() => (round = null))
  }
  start()
  const timer = setInterval(start, options.intervalMs)
  timer.unref?.()
  return {
    async stop() {
      clearInterval(timer)
      await round
    },
  }
}
