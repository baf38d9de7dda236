import { describe, expect, it } from 'vitest'
import {
  berlinDate,
  berlinLocalToIso,
  formatBerlinDate,
  formatBerlinDateTime,
  isoToBerlinLocal,
  timeLeft,
} from './deadline'

describe('Zeitrechnung in Europe/Berlin', () => {
  it('formatiert den Redaktionsschluss deutsch', () => {
    expect(formatBerlinDateTime('2018-08-13T10:00:00.000Z')).toBe('13. August 2018, 12:00 Uhr')
    expect(formatBerlinDate('2018-08-13T10:00:00.000Z')).toBe('13. August 2018')
    expect(formatBerlinDate('2018-08-15')).toBe('15. August 2018')
  })

  it('rechnet Ortszeit in UTC um, auch über die Zeitumstellung', () => {
    expect(berlinLocalToIso('2018-08-13T12:00')).toBe('2018-08-13T10:00:00.000Z')
    expect(berlinLocalToIso('2026-12-01T12:00')).toBe('2026-12-01T11:00:00.000Z')
    expect(berlinLocalToIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z')
    expect(isoToBerlinLocal('2026-10-25T00:30:00.000Z')).toBe('2026-10-25T02:30')
    expect(berlinDate('2026-11-30T23:30:00.000Z')).toBe('2026-12-01')
    expect(() => berlinLocalToIso('13.08.2018')).toThrow(RangeError)
  })

  it('zeigt die verbleibende Zeit', () => {
    const deadline = '2026-11-27T11:00:00.000Z'
    expect(timeLeft(deadline, new Date('2026-11-24T08:00:00Z'))).toEqual({
      overdue: false,
      urgent: false,
      label: 'noch 3 Tage',
    })
    expect(timeLeft(deadline, new Date('2026-11-26T09:00:00Z')).label).toBe('morgen 12:00')
    expect(timeLeft(deadline, new Date('2026-11-27T07:00:00Z'))).toEqual({
      overdue: false,
      urgent: true,
      label: 'heute 12:00',
    })
    expect(timeLeft(deadline, new Date('2026-11-27T11:00:00Z'))).toEqual({
      overdue: true,
      urgent: false,
      label: 'überfällig',
    })
  })
})
