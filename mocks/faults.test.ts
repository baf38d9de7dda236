import { describe, expect, it } from 'vitest'
import { decideFault, noFaults, parseFaults } from './faults'

describe('Störungsregler', () => {
  it('liest Regler aus Text und begrenzt Werte', () => {
    expect(parseFaults('latency=300, jitter=1500,failure=0.2,mode=server')).toEqual({
      latencyMs: 300,
      jitterMs: 1500,
      failureRate: 0.2,
      failureMode: 'server',
    })
    expect(parseFaults('failure=7,latency=-5,unbekannt=1')).toEqual({ ...noFaults, failureRate: 1 })
    expect(parseFaults(null)).toEqual(noFaults)
  })

  it('entscheidet je Anfrage über Verzögerung und Fehler', () => {
    const faults = {
      latencyMs: 100,
      jitterMs: 1000,
      failureRate: 0.5,
      failureMode: 'network' as const,
    }
    expect(decideFault(faults, () => 0.25)).toEqual({ delayMs: 350, fail: 'network' })
    expect(decideFault(faults, () => 0.75)).toEqual({ delayMs: 850, fail: false })
    expect(decideFault(noFaults, () => 0)).toEqual({ delayMs: 0, fail: false })
  })
})
