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
}

export const noFaults: Faults = {
  latencyMs: 0,
  jitterMs: 0,
  failureRate: 0,
  failureMode: 'network',
}

/** Parses knobs such as "latency=300,jitter=1500,failure=0.2,mode=server"; unknown keys are ignored. */
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
