import type { Issue, IssueStatus } from './issue'
import { can, permissionDeniedMessage, type Permission } from './permissions'
import type { Role } from './user'

/** The editorial verbs that move an issue through its workflow. */
export type WorkflowAction = 'submit' | 'approve' | 'requestChanges' | 'publish'

interface Transition {
  from: readonly IssueStatus[]
  to: IssueStatus
  permission: Permission
  label: string
  wrongStateMessage: string
}

/** The workflow, written once: which states each verb leaves from, where it goes, who may do it. */
export const transitions: Record<WorkflowAction, Transition> = {
  submit: {
    from: ['draft', 'changes_requested'],
    to: 'in_review',
    permission: 'issue.submit',
    label: 'Zur Freigabe einreichen',
    wrongStateMessage: 'Nur eine Ausgabe in Bearbeitung kann eingereicht werden.',
  },
  approve: {
    from: ['in_review'],
    to: 'approved',
    permission: 'issue.approve',
    label: 'Freigeben',
    wrongStateMessage: 'Nur eine eingereichte Ausgabe kann freigegeben werden.',
  },
  requestChanges: {
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    permission: 'issue.requestChanges',
    label: 'Änderungen anfordern',
    wrongStateMessage:
      'Änderungen können nur für eingereichte oder freigegebene Ausgaben angefordert werden.',
  },
  publish: {
    from: ['approved'],
    to: 'published',
    permission: 'issue.publish',
    label: 'Als versendet markieren',
    wrongStateMessage: 'Nur eine freigegebene Ausgabe kann versendet werden.',
  },
}

/** Result of asking whether a workflow verb may run now. */
export type WorkflowCheck =
  | { ok: true; to: IssueStatus }
  | { ok: false; reason: 'forbidden' | 'wrong-state'; message: string }

/** Whether `role` may apply `action` to an issue in `status`, and the resulting status. */
export function checkTransition(
  action: WorkflowAction,
  status: IssueStatus,
  role: Role,
): WorkflowCheck {
  const transition = transitions[action]
  if (!can(role, transition.permission)) {
    return {
      ok: false,
      reason: 'forbidden',
      message: permissionDeniedMessage(transition.permission),
    }
  }
  if (!transition.from.includes(status)) {
    return { ok: false, reason: 'wrong-state', message: transition.wrongStateMessage }
  }
  return { ok: true, to: transition.to }
}

/**
 * Why the content of an issue (its order and its articles) cannot be changed by `role` now,
 * or null when it can. Approved and sent content is frozen so that what was approved goes out.
 */
export function contentLockReason(status: IssueStatus, role: Role): string | null {
  switch (status) {
    case 'published':
      return 'Die Ausgabe ist versendet und kann nicht mehr geändert werden.'
    case 'approved':
      return 'Die Ausgabe ist freigegeben; Änderungen sind erst nach einer Rücknahme der Freigabe möglich.'
    case 'in_review':
      return role === 'head'
        ? null
        : 'Die Ausgabe liegt der Dezernentin zur Freigabe vor und ist für die Redaktion gesperrt.'
    default:
      return null
  }
}

/** The workflow verbs that are possible for this issue and role right now. */
export function availableActions(issue: Pick<Issue, 'status'>, role: Role): WorkflowAction[] {
  return (Object.keys(transitions) as WorkflowAction[]).filter(
    (action) => checkTransition(action, issue.status, role).ok,
  )
}
