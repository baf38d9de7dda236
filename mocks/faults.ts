/** Knobs that make the demo backend slow or unreliable, for tests and demonstrations. */
export interface Faults {
  /** Fixed delay added to every request, in milliseconds. */
  latencyMs: number
  /** Extra random delay up to this many milliseconds. */
  jitterMs: number
  /** Share of requests (0…1) that fail. */
  failureRate: number
  /** How a failing request fails: a network error or a 503 answer. */
  failureMode: 'network' | 'server'
  /** Seed of the dice, so that a run can be repeated exactly; null: Math.random. */
  seed: number | null
}

export const noFaults: Faults = {
  latencyMs: 0,
  jitterMs: 0,
  failureRate: 0,
  failureMode: 'network',
  seed: null,
}

/** Parses knobs such as "latency=300,jitter=1500,failure=0.2,mode=server,seed=7"; unknown keys are ignored. */
export function parseFaults(text: string | null | undefined): Faults {
  const faults = { ...noFaults }
  for (const pair of (text ?? '').split(',')) {
    const [key, value = ''] = pair.split('=').map((part) => part.trim())
    const number = Number(value)
    if (key === 'latency' && Number.isFinite(number)) faults.latencyMs = Math.max(0, number)
    if (key === 'jitter' && Number.isFinite(number)) faults.jitterMs = Math.max(0, number)
    if (key === 'failure' && Number.isFinite(number))
      faults.failureRate = Math.min(1, Math.max(0, number))
    if (key === 'mode' && (value === 'network' || value === 'server')) faults.failureMode = value
    if (key === 'seed' && Number.isInteger(number)) faults.seed = number
  }
  return faults
}

/** What the knobs decide for one request. */
export interface FaultDecision {
  delayMs: number
  fail: false | 'network' | 'server'
}

/** Rolls the dice for one request. */
export function decideFault(faults: Faults, random: () => number = Math.random): FaultDecision {
  const delayMs = faults.latencyMs + (faults.jitterMs > 0 ? random() * faults.jitterMs : 0)
  const fail = faults.failureRate > 0 && random() < faults.failureRate ? faults.failureMode : false
  return { delayMs, fail }
}

/** A small seeded random generator (mulberry32): the same seed gives the same dice. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
