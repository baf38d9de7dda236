import { describe, expect, it } from 'vitest'
import { hashPassword, passwordProblem, verifyPassword } from './passwords'

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
  })

  it('verlangt mindestens 12 Zeichen', () => {
    expect(passwordProblem('kurz')).toBe('Das Passwort muss mindestens 12 Zeichen lang sein.')
    expect(passwordProblem('lang genug für uns')).toBeNull()
  })
})
