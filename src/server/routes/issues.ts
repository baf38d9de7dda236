import { Hono } from 'hono'
import type { z } from 'zod'
import type { Article } from '../../domain/article'
import { approvalBlockers, runChecks } from '../../domain/checks'
import { formatBerlinDateTime } from '../../domain/deadline'
import { approvedContent, contentFingerprint } from '../../domain/fingerprint'
import {
  approveInputSchema,
  arrangeIssueInputSchema,
  createIssueInputSchema,
  issueDateErrors,
  requestChangesInputSchema,
  unpublishInputSchema,
  updateIssueInputSchema,
  workflowInputSchema,
  type Issue,
} from '../../domain/issue'
import type { User } from '../../domain/user'
import {
  checkTransition,
  contentLockReason,
  deadlineChangeProblem,
  statusAfterWithdrawal,
  withdrawsApproval,
  type WorkflowAction,
} from '../../domain/workflow'
import {
  audit,
  readJson,
  requirePermission,
  type AppContext,
  type AppEnv,
  type HandlerDeps,
} from '../context'
import {
  forbidden,
  invalid,
  notFound,
  ProblemError,
  problemTypes,
  versionConflict,
} from '../problem'
import type { StoreTx } from '../store'

async function loadIssue(tx: StoreTx, id: string): Promise<Issue> {
  const issue = await tx.getIssue(id)
  if (!issue) throw notFound('Die Ausgabe')
  return issue
}

/** The issue, locked until the transaction ends: for every path that decides on it. */
async function lockIssue(tx: StoreTx, id: string): Promise<Issue> {
  const issue = await tx.lockIssue(id)
  if (!issue) throw notFound('Die Ausgabe')
  return issue
}

/** Writes `next` if the stored issue still has `expectedVersion`; 409 with the current issue otherwise. */
async function saveIssue(tx: StoreTx, next: Issue, expectedVersion: number): Promise<Issue> {
  if (!(await tx.updateIssue(next, expectedVersion))) {
    throw versionConflict(await tx.getIssue(next.id))
  }
  return next
}

function assertVersion(issue: Issue, version: number): void {
  if (issue.version !== version) throw versionConflict(issue)
}

/** Refuses changes to the content of a locked issue (in review for the Redaktion, sent). */
export function assertContentEditable(issue: Issue, user: User): void {
  const reason = contentLockReason(issue.status, user.role)
  if (reason) throw new ProblemError(409, problemTypes.locked, 'Ausgabe gesperrt', reason)
}

/** The issue with its approval taken back, as after a withdrawal, a request for changes or a reopening. */
function withoutApproval(
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
  const next: Issue = {
    ...issue,
    ...withoutApproval(issue, user, now),
    status: statusAfterWithdrawal(user.role),
    version: issue.version + 1,
    updatedAt: now,
  }
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

const workflowPaths: Record<WorkflowAction, string> = {
  submit: 'submit',
  approve: 'approve',
  requestChanges: 'request-changes',
  reopen: 'reopen',
  publish: 'publish',
  unpublish: 'unpublish',
}

const workflowAudit = {
  submit: 'issue.submitted',
  approve: 'issue.approved',
  requestChanges: 'issue.changes_requested',
  reopen: 'issue.reopened',
  publish: 'issue.published',
  unpublish: 'issue.unpublished',
} as const

async function articlesOf(tx: StoreTx, issue: Issue): Promise<Article[]> {
  const articles = await Promise.all(issue.articleIds.map((id) => tx.getArticle(id)))
  return articles.filter((article) => article !== null)
}

/** Issue endpoints: list, create, read, edit, arrange, workflow verbs, history. */
export function issueRoutes(deps: HandlerDeps) {
  const bump = (issue: Issue, changes: Partial<Issue>): Issue => ({
    ...issue,
    ...changes,
    version: issue.version + 1,
    updatedAt: deps.now().toISOString(),
  })

  async function runWorkflow<Schema extends z.ZodType<{ version: number }>>(
    c: AppContext,
    action: WorkflowAction,
    schema: Schema,
    apply: (issue: Issue, input: z.infer<Schema>, tx: StoreTx) => Promise<Partial<Issue>>,
    auditDetail: (next: Issue, input: z.infer<Schema>) => string | null = () => null,
  ) {
    const user = c.get('user')
    const input = await readJson(c, schema)
    const saved = await deps.store.transaction(async (tx) => {
      const issue = await lockIssue(tx, c.req.param('id') ?? '')
      const check = checkTransition(action, issue, user.role, deps.now())
      if (!check.ok && check.reason === 'forbidden') throw forbidden(check.message)
      assertVersion(issue, input.version)
      if (!check.ok) {
        throw new ProblemError(409, problemTypes.wrongState, 'Nicht möglich', check.message)
      }
      const next = bump(issue, { status: check.to, ...(await apply(issue, input, tx)) })
      await saveIssue(tx, next, input.version)
      await audit(deps, tx, {
        actorId: user.id,
        action: workflowAudit[action],
        resourceType: 'issue',
        resourceId: issue.id,
        detail: auditDetail(next, input),
      })
      return next
    })
    return c.json(saved)
  }

  return new Hono<AppEnv>()
    .get('/issues', async (c) => {
      const issues = await deps.store.transaction((tx) => tx.listIssues())
      return c.json(issues.sort((a, b) => b.deadline.localeCompare(a.deadline)))
    })
    .post('/issues', async (c) => {
      const user = c.get('user')
      requirePermission(user, 'issue.create')
      const input = await readJson(c, createIssueInputSchema)
      const deadline = new Date(input.deadline).toISOString()
      const errors = issueDateErrors(
        { deadline, plannedSendDate: input.plannedSendDate },
        { now: deps.now(), creating: true },
      )
      if (errors.length > 0) throw invalid(errors)
      const now = deps.now().toISOString()
      const issue: Issue = {
        id: deps.newId(),
        label: input.label,
        deadline,
        plannedSendDate: input.plannedSendDate,
        articleIds: [],
        status: 'draft',
        approval: null,
        withdrawnApproval: null,
        changeRequest: null,
        lastChangeRequest: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }
      await deps.store.transaction(async (tx) => {
        await tx.insertIssue(issue)
        await audit(deps, tx, {
          actorId: user.id,
          action: 'issue.created',
          resourceType: 'issue',
          resourceId: issue.id,
        })
      })
      return c.json(issue, 201)
    })
    .get('/issues/:id', async (c) =>
      c.json(await deps.store.transaction((tx) => loadIssue(tx, c.req.param('id')))),
    )
    .patch('/issues/:id', async (c) => {
      const user = c.get('user')
      requirePermission(user, 'issue.edit')
      const { version, ...changes } = await readJson(c, updateIssueInputSchema)
      const saved = await deps.store.transaction(async (tx) => {
        const issue = await lockIssue(tx, c.req.param('id'))
        assertVersion(issue, version)
        if (issue.status === 'published') assertContentEditable(issue, user)
        const deadline = changes.deadline
          ? new Date(changes.deadline).toISOString()
          : issue.deadline
        if (deadline !== issue.deadline) {
          const problem = deadlineChangeProblem(issue, user.role, deps.now())
          if (problem) throw forbidden(problem)
        }
        const plannedSendDate = changes.plannedSendDate ?? issue.plannedSendDate
        const errors = issueDateErrors(
          { deadline, plannedSendDate },
          { now: deps.now(), creating: false, previousDeadline: issue.deadline },
        )
        if (errors.length > 0) throw invalid(errors)
        const next = await saveIssue(
          tx,
          bump(issue, { label: changes.label ?? issue.label, deadline, plannedSendDate }),
          version,
        )
        const deadlineChanged = deadline !== issue.deadline
        await audit(deps, tx, {
          actorId: user.id,
          action: deadlineChanged ? 'issue.deadline_changed' : 'issue.updated',
          resourceType: 'issue',
          resourceId: issue.id,
          detail: deadlineChanged
            ? `${formatBerlinDateTime(issue.deadline)} → ${formatBerlinDateTime(deadline)}`
            : null,
        })
        return next
      })
      return c.json(saved)
    })
    .put('/issues/:id/articles', async (c) => {
      const user = c.get('user')
      requirePermission(user, 'issue.arrange')
      const { version, articleIds } = await readJson(c, arrangeIssueInputSchema)
      const saved = await deps.store.transaction(async (tx) => {
        const issue = await lockIssue(tx, c.req.param('id'))
        assertVersion(issue, version)
        assertContentEditable(issue, user)
        // Every article that joins or leaves is locked (in one order, after the issue), so a
        // simultaneous arrange of another issue, an edit or a delete of it waits for this one.
        const changed = [
          ...articleIds.filter((id) => !issue.articleIds.includes(id)),
          ...issue.articleIds.filter((id) => !articleIds.includes(id)),
        ].sort()
        const locked = new Map<string, Article | null>()
        for (const articleId of changed) locked.set(articleId, await tx.lockArticle(articleId))
        const errors = []
        for (const [index, articleId] of articleIds.entries()) {
          const article = locked.has(articleId)
            ? locked.get(articleId)
            : await tx.getArticle(articleId)
          const trashed = article ? null : await tx.getTrashEntry(articleId)
          if (trashed) {
            errors.push({
              path: `articleIds.${index}`,
              message: `„${trashed.article.headline || 'Ohne Überschrift'}“ liegt im Papierkorb und kann in keine Ausgabe aufgenommen werden.`,
            })
          } else if (!article) {
            errors.push({ path: `articleIds.${index}`, message: 'Dieser Beitrag existiert nicht.' })
          } else if (article.issueId !== null && article.issueId !== issue.id) {
            errors.push({
              path: `articleIds.${index}`,
              message: `„${article.headline || 'Ohne Überschrift'}“ gehört bereits zu einer anderen Ausgabe.`,
            })
          }
        }
        if (errors.length > 0) throw invalid(errors)
        const arranged = bump(issue, { articleIds })
        let next = await saveIssue(tx, arranged, version)
        await audit(deps, tx, {
          actorId: user.id,
          action: 'issue.arranged',
          resourceType: 'issue',
          resourceId: issue.id,
        })
        next = await withdrawApprovalAfterChange(
          deps,
          tx,
          next,
          user,
          'Reihenfolge oder Auswahl der Beiträge geändert',
        )
        return next
      })
      return c.json(saved)
    })
    .get('/issues/:id/history', async (c) => {
      const events = await deps.store.transaction(async (tx) => {
        const issue = await loadIssue(tx, c.req.param('id'))
        return tx.listAudit(issue.id)
      })
      return c.json(events.sort((a, b) => a.at.localeCompare(b.at)))
    })
    .post(`/issues/:id/${workflowPaths.submit}`, (c) =>
      runWorkflow(c, 'submit', workflowInputSchema, async () => ({ changeRequest: null })),
    )
    .post(`/issues/:id/${workflowPaths.approve}`, (c) =>
      runWorkflow(c, 'approve', approveInputSchema, async (issue, input, tx) => {
        const articles = await articlesOf(tx, issue)
        const blockers = approvalBlockers(
          runChecks(issue, articles, await tx.getPublication()),
          input.acknowledgedWarnings,
        )
        if (blockers.length > 0) {
          throw invalid(
            blockers.map((blocker) => ({ path: `checks.${blocker.id}`, message: blocker.message })),
          )
        }
        const fingerprint = await contentFingerprint(issue, articles)
        if (input.fingerprint !== undefined && input.fingerprint !== fingerprint) {
          throw new ProblemError(
            409,
            problemTypes.versionConflict,
            'Inhalt geändert',
            'Der Inhalt der Ausgabe hat sich geändert, während Sie ihn geprüft haben. Bitte prüfen Sie den neuen Stand.',
            { current: issue },
          )
        }
        const { articles: content } = approvedContent(issue, articles)
        return {
          approval: {
            approvedBy: c.get('user').id,
            approvedAt: deps.now().toISOString(),
            fingerprint,
            content: { articles: content },
          },
          withdrawnApproval: null,
          lastChangeRequest: null,
        }
      }),
    )
    .post(`/issues/:id/${workflowPaths.requestChanges}`, (c) =>
      runWorkflow(
        c,
        'requestChanges',
        requestChangesInputSchema,
        async (issue, input, tx) => {
          const changeRequest = {
            comment: input.comment,
            requestedBy: c.get('user').id,
            requestedAt: deps.now().toISOString(),
          }
          const { articles: content } = approvedContent(issue, await articlesOf(tx, issue))
          return {
            ...withoutApproval(issue, c.get('user'), deps.now().toISOString()),
            changeRequest,
            lastChangeRequest: { ...changeRequest, content: { articles: content } },
          }
        },
        (next) => next.changeRequest?.comment ?? null,
      ),
    )
    .post(`/issues/:id/${workflowPaths.reopen}`, (c) =>
      runWorkflow(c, 'reopen', workflowInputSchema, async (issue) =>
        withoutApproval(issue, c.get('user'), deps.now().toISOString()),
      ),
    )
    .post(`/issues/:id/${workflowPaths.publish}`, (c) =>
      runWorkflow(c, 'publish', workflowInputSchema, async () => ({})),
    )
    .post(`/issues/:id/${workflowPaths.unpublish}`, (c) =>
      runWorkflow(
        c,
        'unpublish',
        unpublishInputSchema,
        async () => ({}),
        (_next, input) => input.reason,
      ),
    )
}
