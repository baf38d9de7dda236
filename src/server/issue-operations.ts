import type { Article } from '../domain/article'
import type { Issue } from '../domain/issue'
import type { User } from '../domain/user'
import { contentLockReason, statusAfterWithdrawal, withdrawsApproval } from '../domain/workflow'
import { audit, type HandlerDeps } from './context'
import { notFound, ProblemError, problemTypes, versionConflict } from './problem'
import type { StoreTx } from './store'

export async function loadIssue(tx: StoreTx, id: string): Promise<Issue> {
  const issue = await tx.getIssue(id)
  if (!issue) throw notFound('Die Ausgabe')
  return issue
}

/** The issue, locked until the transaction ends: for every path that decides on it. */
export async function lockIssue(tx: StoreTx, id: string): Promise<Issue> {
  const issue = await tx.lockIssue(id)
  if (!issue) throw notFound('Die Ausgabe')
  return issue
}

/** Writes `next` if the stored issue still has `expectedVersion`; 409 with the current issue otherwise. */
export async function saveIssue(tx: StoreTx, next: Issue, expectedVersion: number): Promise<Issue> {
  if (!(await tx.updateIssue(next, expectedVersion))) {
    throw versionConflict(await tx.getIssue(next.id))
  }
  // a planned send covers the approval it was planned on: without it, it must not start
  if (next.approval === null) await tx.cancelScheduledSends(next.id)
  return next
}

export function assertVersion(issue: Issue, version: number): void {
  if (issue.version !== version) throw versionConflict(issue)
}

/** The issue with `changes`, one version further, changed `now`. */
export function bumpIssue(issue: Issue, changes: Partial<Issue>, now: string): Issue {
  return { ...issue, ...changes, version: issue.version + 1, updatedAt: now }
}

/** Refuses changes to the content of a locked issue (in review for the Redaktion, sent). */
export function assertContentEditable(issue: Issue, user: User): void {
  const reason = contentLockReason(issue.status, user.role)
  if (reason) throw new ProblemError(409, problemTypes.locked, 'Ausgabe gesperrt', reason)
}

/** The issue with its approval taken back, as after a withdrawal, a request for changes or a reopening. */
export function withoutApproval(
  issue: Issue,
  user: User,
  now: string,
): Pick<Issue, 'approval' | 'withdrawnApproval'> {
  return {
    approval: null,
    withdrawnApproval: issue.approval
      ? { ...issue.approval, withdrawnAt: now, withdrawnBy: user.id }
      : issue.withdrawnApproval,
  }
}

/**
 * Takes back the approval of an approved issue whose content just changed (in the same
 * transaction as the change): back to the Dezernentin, or into Bearbeitung when the Redaktion
 * changed it (`statusAfterWithdrawal`).
 */
export async function withdrawApprovalAfterChange(
  deps: HandlerDeps,
  tx: StoreTx,
  issue: Issue,
  user: User,
  what: string,
): Promise<Issue> {
  if (!withdrawsApproval(issue.status)) return issue
  const now = deps.now().toISOString()
  const next = bumpIssue(
    issue,
    { ...withoutApproval(issue, user, now), status: statusAfterWithdrawal(user.role) },
    now,
  )
  await saveIssue(tx, next, issue.version)
  await audit(deps, tx, {
    actorId: user.id,
    action: 'issue.approval_withdrawn',
    resourceType: 'issue',
    resourceId: issue.id,
    detail: what,
  })
  return next
}

/** The issue's articles in its order; ids whose article is gone are left out. */
export async function articlesOf(tx: StoreTx, issue: Issue): Promise<Article[]> {
  const articles = await Promise.all(issue.articleIds.map((id) => tx.getArticle(id)))
  return articles.filter((article) => article !== null)
}
