import { afterEach, describe, expect, it } from 'vitest'
import { startSendLoop, type SendLoop } from './send-loop'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A worker over a queue of `waiting` messages; each round takes up to a batch. */
function queueWorker(waiting: number, batchSize = 10) {
  const state = { waiting, rounds: 0, inRound: 0, mostAtOnce: 0, delivered: 0 }
  return {
    state,
    worker: {
      batchSize,
      async runOnce() {
        state.rounds++
        state.inRound++
        state.mostAtOnce = Math.max(state.mostAtOnce, state.inRound)
        const taken = Math.min(batchSize, state.waiting)
        state.waiting -= taken
        await sleep(5)
        state.delivered += taken
        state.inRound--
        return taken
      },
    },
  }
}

const loops: SendLoop[] = []
afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.stop()
})

describe('Versandschleife', () => {
  it('arbeitet gleich los und ohne Pause weiter, solange volle Runden zurückkommen', async () => {
    const { worker, state } = queueWorker(35)
    loops.push(startSendLoop(worker, { pollMs: 60_000, onError: () => {} }))
    await sleep(100)
    // 10 + 10 + 10 + 5: the short round ends the run until the next poll
    expect(state.delivered).toBe(35)
    expect(state.rounds).toBe(4)
  })

  it('wartet sonst das Abfrageintervall ab, und wakeWorker beginnt sofort', async () => {
    const { worker, state } = queueWorker(0)
    const loop = startSendLoop(worker, { pollMs: 60_000, onError: () => {} })
    loops.push(loop)
    await sleep(30)
    expect(state.rounds).toBe(1)
    state.waiting = 3
    await sleep(30)
    expect(state.delivered).toBe(0)
    loop.wake()
    await sleep(30)
    expect(state.delivered).toBe(3)
  })

  it('fragt im Intervall wieder nach', async () => {
    const { worker, state } = queueWorker(0)
    loops.push(startSendLoop(worker, { pollMs: 20, onError: () => {} }))
    await sleep(20)
    state.waiting = 4
    await sleep(100)
    expect(state.delivered).toBe(4)
    expect(state.rounds).toBeGreaterThan(2)
  })

  it('lässt nie zwei Runden zugleich laufen; ein Wecken während einer Runde führt zu einer weiteren', async () => {
    const { worker, state } = queueWorker(2)
    const loop = startSendLoop(worker, { pollMs: 60_000, onError: () => {} })
    loops.push(loop)
    await sleep(1)
    state.waiting += 3
    loop.wake()
    loop.wake()
    await sleep(50)
    expect(state.mostAtOnce).toBe(1)
    expect(state.delivered).toBe(5)
  })

  it('meldet eine gescheiterte Runde und versucht es im Intervall wieder', async () => {
    const errors: unknown[] = []
    let failures = 1
    let rounds = 0
    loops.push(
      startSendLoop(
        {
          batchSize: 10,
          async runOnce() {
            rounds++
            if (failures-- > 0) throw new Error('Datenbank nicht erreichbar')
            return 0
          },
        },
        { pollMs: 20, onError: (error) => errors.push(error) },
      ),
    )
    await sleep(60)
    expect(errors).toHaveLength(1)
    expect(rounds).toBeGreaterThan(1)
  })

  it('beendet die laufende Runde beim Anhalten und beginnt keine neue', async () => {
    const { worker, state } = queueWorker(100)
    const loop = startSendLoop(worker, { pollMs: 1, onError: () => {} })
    await sleep(7)
    await loop.stop()
    const after = { rounds: state.rounds, delivered: state.delivered }
    expect(state.inRound).toBe(0)
    expect(state.delivered).toBe(state.rounds * 10)
    loop.wake()
    await sleep(30)
    expect({ rounds: state.rounds, delivered: state.delivered }).toEqual(after)
  })
})
