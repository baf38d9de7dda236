import { describe, expect, it } from 'vitest'
import { afterAttempt, maxDeliveryAttempts, retryDelayMinutes } from './delivery'

const now = new Date('2026-12-02T08:00:00Z')

describe('Zustellung einer Nachricht', () => {
  it('gibt eine endgültige Ablehnung (5xx) sofort auf und nennt den Grund auf Deutsch', () => {
    expect(
      afterAttempt({ kind: 'rejected', code: 550, response: '550 5.1.1 User unknown' }, 1, now),
    ).toEqual({
      status: 'failed',
      reason: 'Das Postfach existiert nicht oder nimmt nichts an (550 5.1.1 User unknown).',
    })
  })

  it('versucht eine vorübergehende Ablehnung (4xx) mit wachsendem Abstand erneut', () => {
    const step = afterAttempt({ kind: 'rejected', code: 451, response: '451 greylisted' }, 2, now)
    expect(step).toEqual({
      status: 'pending',
      reason: 'Der Mailserver hat die Nachricht vorübergehend abgelehnt (451 greylisted).',
      nextAttemptAt: new Date('2026-12-02T08:04:00Z'),
    })
    expect([1, 2, 3, 4, 5].map(retryDelayMinutes)).toEqual([1, 4, 16, 60, 60])
  })

  it('gibt nach der letzten erlaubten Wiederholung auf, auch wenn der Server nur 4xx sagt', () => {
    const step = afterAttempt(
      { kind: 'unreachable', detail: 'ECONNREFUSED' },
      maxDeliveryAttempts,
      now,
    )
    expect(step).toEqual({
      status: 'failed',
      reason: `Der Mailserver war nicht erreichbar (ECONNREFUSED). Nach ${maxDeliveryAttempts} Versuchen aufgegeben.`,
    })
  })

  it('zählt eine angenommene Nachricht als gesendet', () => {
    expect(afterAttempt({ kind: 'accepted' }, 3, now)).toEqual({ status: 'sent' })
  })
})
