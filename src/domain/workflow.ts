import type { Issue, IssueStatus } from './issue'
import { can, permissionDeniedMessage, type Permission } from './permissions'
import type { Role } from './user'

/** The editorial verbs that move an issue through its workflow. */
export type WorkflowAction =
  'submit' | 'approve' | 'requestChanges' | 'reopen' | 'publish' | 'unpublish'

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
  reopen: {
    from: ['in_review', 'approved', 'changes_requested'],
    to: 'draft',
    permission: 'issue.reopen',
    label: 'Wieder öffnen',
    wrongStateMessage:
      'Nur eine eingereichte oder freigegebene Ausgabe kann wieder geöffnet werden.',
  },
  publish: {
    from: ['approved'],
    to: 'published',
    permission: 'issue.publish',
    label: 'Als versendet markieren',
    wrongStateMessage: 'Nur eine freigegebene Ausgabe kann versendet werden.',
  },
  // "Als versendet markieren" is only a mark: the Dezernentin may take it back (with a reason in
  // the Verlauf); what went out through Rundbrief cannot (see `checkTransition`). The approval
  // still covers the unchanged content, so it stays.
  unpublish: {
    from: ['published'],
    to: 'approved',
    permission: 'issue.unpublish',
    label: 'Versand zurücknehmen',
    wrongStateMessage: 'Nur eine als versendet markierte Ausgabe kann zurückgenommen werden.',
  },
}

/** Why the Redaktion may no longer submit: the Redaktionsschluss has passed. */
export const deadlinePassedMessage =
  'Der Redaktionsschluss ist vorbei. Einreichen kann die Redaktion erst, wenn die Dezernentin ihn verlängert.'

/** Result of asking whether a workflow verb may run now. */
export type WorkflowCheck =
  | { ok: true; to: IssueStatus }
  | { ok: false; reason: 'forbidden' | 'wrong-state' | 'deadline'; message: string }

/** Why "Versand zurücknehmen" is not possible for an issue sent through Rundbrief. */
export const sentThroughRundbriefMessage =
  'Diese Ausgabe wurde über Rundbrief an die Empfänger versendet; das lässt sich nicht zurücknehmen.'

/** The facts a workflow check needs about the issue. */
export interface WorkflowContext {
  status: IssueStatus
  deadline: string
  /** See `Issue.sentThroughRundbrief`; absent: not sent through Rundbrief. */
  sentThroughRundbrief?: boolean
}

/**
 * Whether `role` may apply `action` to the issue now, and the resulting status. After the
 * Redaktionsschluss the Redaktion can no longer submit; the Dezernentin still can, and approve.
 */
export function checkTransition(
  action: WorkflowAction,
  issue: WorkflowContext,
  role: Role,
  now: Date,
): WorkflowCheck {
  const transition = transitions[action]
  if (!can(role, transition.permission)) {
    return {
      ok: false,
      reason: 'forbidden',
      message: permissionDeniedMessage(transition.permission),
    }
  }
  if (!transition.from.includes(issue.status)) {
    return { ok: false, reason: 'wrong-state', message: transition.wrongStateMessage }
  }
  if (action === 'unpublish' && issue.sentThroughRundbrief) {
    return { ok: false, reason: 'wrong-state', message: sentThroughRundbriefMessage }
  }
  if (
    action === 'submit' &&
    role !== 'head' &&
    new Date(issue.deadline).getTime() <= now.getTime()
  ) {
    return { ok: false, reason: 'deadline', message: deadlinePassedMessage }
  }
  return { ok: true, to: transition.to }
}

/**
 * Why the content of an issue (its order and its articles) cannot be changed by `role` now,
 * or null when it can. In review it is locked for the Redaktion; approved content may be changed,
 * but the change withdraws the approval (see `withdrawsApproval`); sent issues are frozen.
 */
export function contentLockReason(status: IssueStatus, role: Role): string | null {
  switch (status) {
    case 'published':
      return 'Die Ausgabe ist versendet und kann nicht mehr geändert werden.'
    case 'in_review':
      return role === 'head'
        ? null
        : 'Die Ausgabe liegt der Dezernentin zur Freigabe vor und ist für die Redaktion gesperrt.'
    default:
      return null
  }
}

/** Whether a change to the content of an issue in `status` withdraws its approval. */
export function withdrawsApproval(status: IssueStatus): boolean {
  return status === 'approved'
}

/**
 * Where an approved issue goes when `role` changes its content. The Dezernentin's own change
 * goes back to her for approval. A change by the Redaktion puts the issue back into Bearbeitung:
 * in review the content is locked for the Redaktion, so its next save (the rest of the sentence
 * it is typing) would be refused; it submits again when it is done.
 */
export function statusAfterWithdrawal(role: Role): IssueStatus {
  return role === 'head' ? 'in_review' : 'draft'
}

/** Who may move a Redaktionsschluss: before it passes the Redaktion too, afterwards only the head. */
export function deadlineChangeProblem(
  issue: Pick<Issue, 'deadline'>,
  role: Role,
  now: Date,
): string | null {
  if (new Date(issue.deadline).getTime() > now.getTime() || can(role, 'issue.extendDeadline'))
    return null
  return permissionDeniedMessage('issue.extendDeadline')
}

/** The workflow verbs that are possible for this issue and role right now. */
export function availableActions(issue: WorkflowContext, role: Role, now: Date): WorkflowAction[] {
  return (Object.keys(transitions) as WorkflowAction[]).filter(
    (action) => checkTransition(action, issue, role, now).ok,
  )
}
