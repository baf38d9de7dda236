import { describe, expect, it } from 'vitest'
import { freeLoginAttempts, loginWaitMs, withOneMoreFailure } from './login-throttle'

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 10, 0, seconds))

describe('Bremse für fehlgeschlagene Anmeldungen', () => {
  it('lässt die ersten Fehlversuche ohne Wartezeit zu', () => {
    let failures = null
    for (let attempt = 1; attempt < freeLoginAttempts; attempt++) {
      failures = withOneMoreFailure('login:frank', failures, at(attempt))
      expect(loginWaitMs(failures, at(attempt))).toBe(0)
    }
  })

  it('verdoppelt danach die Wartezeit mit jedem Fehlversuch', () => {
    let failures = null
    for (let attempt = 1; attempt <= freeLoginAttempts + 2; attempt++) {
      failures = withOneMoreFailure('login:frank', failures, at(0))
    }
    expect(failures?.count).toBe(freeLoginAttempts + 2)
    expect(loginWaitMs(failures, at(0))).toBe(4000)
    expect(loginWaitMs(failures, at(3))).toBe(1000)
    expect(loginWaitMs(failures, at(5))).toBe(0)
  })

  it('vergisst Fehlversuche nach einer Viertelstunde', () => {
    let failures = null
    for (let attempt = 1; attempt <= 20; attempt++) {
      failures = withOneMoreFailure('address:127.0.0.1', failures, at(0))
    }
    expect(loginWaitMs(failures, at(0))).toBe(15 * 60 * 1000)
    expect(loginWaitMs(failures, at(15 * 60))).toBe(0)
    expect(withOneMoreFailure('address:127.0.0.1', failures, at(15 * 60)).count).toBe(1)
  })
})
