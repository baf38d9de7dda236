import { describe, expect, it } from 'vitest'
import type { IssueStatus } from './issue'
import { allPermissions, can, permissionDeniedMessage } from './permissions'
import type { Role } from './user'
import {
  availableActions,
  checkTransition,
  contentLockReason,
  deadlineChangeProblem,
  statusAfterWithdrawal,
  sentThroughRundbriefMessage,
  withdrawsApproval,
} from './workflow'

const now = new Date('2026-11-25T12:00:00Z')
const future = '2026-12-01T11:00:00.000Z'
const past = '2026-11-20T11:00:00.000Z'

describe('Berechtigungen', () => {
  it.each([
    [
      'editor',
      [
        'article.write',
        'article.delete',
        'issue.create',
        'issue.edit',
        'issue.arrange',
        'issue.submit',
        'issue.publish',
        'publication.edit',
        'media.upload',
        'preview.export',
        'recipients.read',
        'recipients.manage',
        'issue.send',
        'issue.testSend',
      ],
    ],
    ['head', allPermissions],
    ['designer', ['preview.export', 'media.upload', 'layout.edit', 'issue.testSend']],
  ] as const)('%s darf genau das Vorgesehene', (role, expected) => {
    const granted = allPermissions.filter((permission) => can(role, permission))
    expect(granted.sort()).toEqual([...expected].sort())
  })

  it('erklärt jede Verweigerung auf Deutsch', () => {
    for (const permission of allPermissions) {
      expect(permissionDeniedMessage(permission)).toMatch(/^[A-ZÄÖÜ].+\.$/)
    }
  })
})

describe('Arbeitsablauf', () => {
  const statuses: IssueStatus[] = [
    'draft',
    'in_review',
    'changes_requested',
    'approved',
    'published',
  ]
  const expected: Record<Role, Record<IssueStatus, string[]>> = {
    editor: {
      draft: ['submit'],
      in_review: [],
      changes_requested: ['submit'],
      approved: ['publish'],
      published: [],
    },
    head: {
      draft: ['submit'],
      in_review: ['approve', 'requestChanges', 'reopen'],
      changes_requested: ['submit', 'reopen'],
      approved: ['requestChanges', 'reopen', 'publish'],
      published: ['unpublish'],
    },
    designer: { draft: [], in_review: [], changes_requested: [], approved: [], published: [] },
  }

  it.each(['editor', 'head', 'designer'] as const)('bietet %s nur erlaubte Schritte an', (role) => {
    for (const status of statuses) {
      expect(
        availableActions({ status, deadline: future }, role, now),
        `${role} in ${status}`,
      ).toEqual(expected[role][status])
    }
  })

  it('bietet „Versand zurücknehmen“ nur für eine markierte, nicht über Rundbrief versendete Ausgabe an', () => {
    const published = { status: 'published' as const, deadline: future }
    expect(availableActions({ ...published, sentThroughRundbrief: false }, 'head', now)).toEqual([
      'unpublish',
    ])
    expect(availableActions({ ...published, sentThroughRundbrief: true }, 'head', now)).toEqual([])
    expect(
      checkTransition('unpublish', { ...published, sentThroughRundbrief: true }, 'head', now),
    ).toEqual({ ok: false, reason: 'wrong-state', message: sentThroughRundbriefMessage })
  })

  it('unterscheidet fehlende Berechtigung, falschen Status und abgelaufenen Redaktionsschluss', () => {
    const inReview = { status: 'in_review' as const, deadline: future }
    expect(checkTransition('approve', inReview, 'editor', now)).toMatchObject({
      ok: false,
      reason: 'forbidden',
    })
    expect(checkTransition('approve', { ...inReview, status: 'draft' }, 'head', now)).toMatchObject(
      {
        ok: false,
        reason: 'wrong-state',
      },
    )
    expect(checkTransition('approve', inReview, 'head', now)).toEqual({ ok: true, to: 'approved' })
    expect(
      checkTransition('submit', { status: 'draft', deadline: past }, 'editor', now),
    ).toMatchObject({
      ok: false,
      reason: 'deadline',
    })
    expect(checkTransition('submit', { status: 'draft', deadline: past }, 'head', now)).toEqual({
      ok: true,
      to: 'in_review',
    })
    expect(checkTransition('approve', { ...inReview, deadline: past }, 'head', now)).toEqual({
      ok: true,
      to: 'approved',
    })
  })

  it('sperrt Inhalte zur Freigabe für die Redaktion und nimmt bei Änderungen die Freigabe zurück', () => {
    expect(contentLockReason('draft', 'editor')).toBeNull()
    expect(contentLockReason('changes_requested', 'editor')).toBeNull()
    expect(contentLockReason('in_review', 'editor')).toMatch(/gesperrt/)
    expect(contentLockReason('in_review', 'head')).toBeNull()
    expect(contentLockReason('approved', 'editor')).toBeNull()
    expect(withdrawsApproval('approved')).toBe(true)
    expect(withdrawsApproval('in_review')).toBe(false)
    expect(statusAfterWithdrawal('head')).toBe('in_review')
    // in review the Redaktion could not save the rest of its change
    expect(statusAfterWithdrawal('editor')).toBe('draft')
    expect(contentLockReason(statusAfterWithdrawal('editor'), 'editor')).toBeNull()
    expect(contentLockReason('published', 'head')).toMatch(/versendet/)
  })

  it('lässt nur die Dezernentin einen abgelaufenen Redaktionsschluss verschieben', () => {
    expect(deadlineChangeProblem({ deadline: future }, 'editor', now)).toBeNull()
    expect(deadlineChangeProblem({ deadline: past }, 'editor', now)).toMatch(/Dezernentin/)
    expect(deadlineChangeProblem({ deadline: past }, 'head', now)).toBeNull()
  })
})
