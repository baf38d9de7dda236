import { describe, expect, it } from 'vitest'
import { decideFault, noFaults, parseFaults, seededRandom } from './faults'

describe('Störungsregler', () => {
  it('liest Regler aus Text und begrenzt Werte', () => {
    expect(parseFaults('latency=300, jitter=1500,failure=0.2,mode=server')).toEqual({
      latencyMs: 300,
      jitterMs: 1500,
      failureRate: 0.2,
      failureMode: 'server',
      seed: null,
    })
    expect(parseFaults('failure=0.2,seed=42').seed).toBe(42)
    expect(parseFaults('failure=7,latency=-5,unbekannt=1')).toEqual({ ...noFaults, failureRate: 1 })
    expect(parseFaults(null)).toEqual(noFaults)
  })

  it('entscheidet je Anfrage über Verzögerung und Fehler', () => {
    const faults = {
      latencyMs: 100,
      jitterMs: 1000,
      failureRate: 0.5,
      failureMode: 'network' as const,
      seed: null,
    }
    expect(decideFault(faults, () => 0.25)).toEqual({ delayMs: 350, fail: 'network' })
    expect(decideFault(faults, () => 0.75)).toEqual({ delayMs: 850, fail: false })
    expect(decideFault(noFaults, () => 0)).toEqual({ delayMs: 0, fail: false })
  })

  it('würfelt mit demselben Startwert dieselben Störungen', () => {
    const first = seededRandom(42)
    const second = seededRandom(42)
    const rolls = Array.from({ length: 100 }, () => first())
    expect(Array.from({ length: 100 }, () => second())).toEqual(rolls)
    expect(rolls.every((value) => value >= 0 && value < 1)).toBe(true)
    expect(rolls.filter((value) => value < 0.2).length).toBeGreaterThan(10)
  })
})
