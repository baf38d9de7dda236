import { describe, expect, it } from 'vitest'
import type { IssueStatus } from './issue'
import { allPermissions, can, permissionDeniedMessage } from './permissions'
import type { Role } from './user'
import { availableActions, checkTransition, contentLockReason } from './workflow'

describe('Berechtigungen', () => {
  it.each([
    [
      'editor',
      [
        'article.write',
        'issue.create',
        'issue.edit',
        'issue.arrange',
        'issue.submit',
        'issue.publish',
        'publication.edit',
        'media.upload',
        'preview.export',
      ],
    ],
    ['head', allPermissions],
    ['designer', ['preview.export']],
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
      in_review: ['approve', 'requestChanges'],
      changes_requested: ['submit'],
      approved: ['requestChanges', 'publish'],
      published: [],
    },
    designer: { draft: [], in_review: [], changes_requested: [], approved: [], published: [] },
  }

  it.each(['editor', 'head', 'designer'] as const)('bietet %s nur erlaubte Schritte an', (role) => {
    for (const status of statuses) {
      expect(availableActions({ status }, role), `${role} in ${status}`).toEqual(
        expected[role][status],
      )
    }
  })

  it('unterscheidet fehlende Berechtigung vom falschen Status', () => {
    expect(checkTransition('approve', 'in_review', 'editor')).toMatchObject({
      ok: false,
      reason: 'forbidden',
    })
    expect(checkTransition('approve', 'draft', 'head')).toMatchObject({
      ok: false,
      reason: 'wrong-state',
    })
    expect(checkTransition('approve', 'in_review', 'head')).toEqual({ ok: true, to: 'approved' })
  })

  it('sperrt Inhalte, die zur Freigabe vorliegen, freigegeben oder versendet sind', () => {
    expect(contentLockReason('draft', 'editor')).toBeNull()
    expect(contentLockReason('changes_requested', 'editor')).toBeNull()
    expect(contentLockReason('in_review', 'editor')).toMatch(/gesperrt/)
    expect(contentLockReason('in_review', 'head')).toBeNull()
    expect(contentLockReason('approved', 'head')).toMatch(/freigegeben/)
    expect(contentLockReason('published', 'head')).toMatch(/versendet/)
  })
})
