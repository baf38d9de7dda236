import { describe, expect, it } from 'vitest'
import { groupHistory, type AuditEvent } from './audit-event'

const event = (
  index: number,
  action: AuditEvent['action'],
  actorId = 'frank-ruehling',
): AuditEvent => ({
  id: `e${index}`,
  at: new Date(Date.UTC(2026, 11, 1, 8, index)).toISOString(),
  actorId,
  action,
  resourceType: 'issue',
  resourceId: 'ausgabe',
  detail: null,
})

describe('groupHistory', () => {
  it('fasst Umstellungen einer Person hintereinander zusammen, neueste zuerst', () => {
    const entries = groupHistory([
      event(0, 'issue.created'),
      event(1, 'issue.arranged'),
      event(2, 'issue.arranged'),
      event(3, 'issue.arranged'),
      event(4, 'issue.arranged', 'sandra-wanzar'),
      event(5, 'issue.submitted'),
      event(6, 'issue.arranged'),
    ])
    expect(entries.map((entry) => [entry.event.id, entry.count])).toEqual([
      ['e6', 1],
      ['e5', 1],
      ['e4', 1],
      ['e3', 3],
      ['e0', 1],
    ])
    expect(entries[3]?.since).toBe(event(1, 'issue.arranged').at)
  })

  it('lässt Arbeitsschritte einzeln stehen, auch wenn sie sich wiederholen', () => {
    const entries = groupHistory([
      event(0, 'issue.approval_withdrawn'),
      event(1, 'issue.approval_withdrawn'),
    ])
    expect(entries.map((entry) => entry.count)).toEqual([1, 1])
  })
})
