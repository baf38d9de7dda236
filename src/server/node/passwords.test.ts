import { describe, expect, it } from 'vitest'
import {
  currentCost,
  hashPassword,
  needsRehash,
  passwordProblem,
  recommendedCost,
  rehashPassword,
  verifyPassword,
} from './passwords'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0

async function timeOf(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

describe('Passwörter', () => {
  it('prüft ein Passwort gegen seinen scrypt-Hash', async () => {
    const hash = await hashPassword('Sozialplanung-2018')
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(await verifyPassword(hash, 'Sozialplanung-2018')).toBe(true)
    expect(await verifyPassword(hash, 'sozialplanung-2018')).toBe(false)
  })

  it('salzt jeden Hash neu', async () => {
    expect(await hashPassword('gleiches Passwort')).not.toBe(
      await hashPassword('gleiches Passwort'),
    )
  })

  it('lehnt kaputte Hashes ab, ohne zu werfen', async () => {
    expect(await verifyPassword('', 'x')).toBe(false)
    expect(await verifyPassword('md5$abc', 'x')).toBe(false)
    expect(await verifyPassword('scrypt$16384$8$1$AAAA$AAAA', 'x')).toBe(false)
    expect(await verifyPassword('scrypt$99999999$8$1$AAAA$AAAA', 'x')).toBe(false)
  })

  it('nimmt ohne Einstellung die OWASP-Empfehlung (N=2^17, r=8, p=1)', () => {
    expect(recommendedCost).toEqual({ N: 131072, r: 8, p: 1 })
    expect(currentCost({})).toEqual(recommendedCost)
    expect(currentCost({ PASSWORD_HASH_COST: '14' })).toEqual({ N: 16384, r: 8, p: 1 })
    expect(currentCost({ PASSWORD_HASH_COST: '3' })).toEqual(recommendedCost)
  })

  it('erneuert schwächere Hashes bei der nächsten Anmeldung', async () => {
    const weak = await hashPassword('Sozialplanung-2018', { N: 1024, r: 8, p: 1 })
    expect(needsRehash(weak, { N: 16384, r: 8, p: 1 })).toBe(true)
    expect(needsRehash(weak, { N: 1024, r: 8, p: 1 })).toBe(false)
    expect(needsRehash('kaputt')).toBe(true)
    const renewed = await rehashPassword(weak, 'Sozialplanung-2018')
    expect(renewed).toMatch(/^scrypt\$16384\$/)
    expect(await verifyPassword(renewed, 'Sozialplanung-2018')).toBe(true)
    expect(await rehashPassword(renewed ?? '', 'Sozialplanung-2018')).toBeNull()
  })

  it('lässt eine unbekannte Anmeldung nie gelingen, und sie rechnet so lange wie ein falsches Passwort', async () => {
    expect(await verifyPassword(null, '')).toBe(false)
    const hash = await hashPassword('Sozialplanung-2018')
    const wrong: number[] = []
    const unknown: number[] = []
    for (let round = 0; round < 7; round++) {
      wrong.push(await timeOf(() => verifyPassword(hash, 'falsch')))
      unknown.push(await timeOf(() => verifyPassword(null, 'falsch')))
    }
    // Not a speed assertion: without scrypt an unknown login took a fifth of the time.
    console.info(
      `Anmeldung, Median: falsches Passwort ${median(wrong).toFixed(1)} ms, unbekannte Anmeldung ${median(unknown).toFixed(1)} ms`,
    )
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5)
  })

  it('verlangt mindestens 12 Zeichen', () => {
    expect(passwordProblem('kurz')).toBe('Das Passwort muss mindestens 12 Zeichen lang sein.')
    expect(passwordProblem('lang genug für uns')).toBeNull()
  })
})
