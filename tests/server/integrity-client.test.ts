import { describe, expect, it } from 'vitest'
import type { AuditEvent } from '../../src/domain/audit-event'
import type { Issue } from '../../src/domain/issue'
import { illegalHistory } from './integrity-client'

const event = (action: AuditEvent['action'], index: number): AuditEvent => ({
  id: `e${index}`,
  at: new Date(Date.UTC(2026, 11, 1, 8, index)).toISOString(),
  actorId: 'sandra-wanzar',
  action,
  resourceType: 'issue',
  resourceId: 'ausgabe',
  detail: null,
})
const history = (...actions: AuditEvent['action'][]) => actions.map(event)
const issue = (status: Issue['status']) => ({ status }) as Issue

describe('Prüfer des Verlaufs', () => {
  it('nimmt einen legalen Weg durch den Ablauf an', () => {
    expect(
      illegalHistory(
        issue('published'),
        history(
          'issue.created',
          'issue.arranged',
          'issue.submitted',
          'issue.approved',
          'issue.approval_withdrawn',
          'issue.approved',
          'issue.published',
          'issue.unpublished',
          'issue.published',
        ),
      ),
    ).toEqual([])
  })

  it('findet Freigaben ohne Einreichung, Umstellungen nach dem Versand und einen falschen Endstand', () => {
    expect(illegalHistory(issue('approved'), history('issue.created', 'issue.approved'))).toEqual([
      'issue.approved aus draft',
    ])
    expect(
      illegalHistory(
        issue('published'),
        history(
          'issue.created',
          'issue.submitted',
          'issue.approved',
          'issue.published',
          'issue.arranged',
        ),
      ),
    ).toEqual(['nach dem Versand umgestellt'])
    expect(illegalHistory(issue('draft'), history('issue.created', 'issue.submitted'))).toEqual([
      'Verlauf endet in in_review, gespeichert draft',
    ])
    expect(
      illegalHistory(
        issue('in_review'),
        history('issue.created', 'issue.submitted', 'issue.approval_withdrawn'),
      ),
    ).toEqual(['Freigabe zurückgenommen aus in_review'])
  })
})
