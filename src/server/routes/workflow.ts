import { Hono } from 'hono'
import type { z } from 'zod'
import { approvalBlockers } from '../../domain/checks'
import { approvedContent, contentFingerprint } from '../../domain/fingerprint'
import {
  approveInputSchema,
  requestChangesInputSchema,
  unpublishInputSchema,
  workflowInputSchema,
  type Issue,
} from '../../domain/issue'
import { checkTransition, type WorkflowAction } from '../../domain/workflow'
import { issueChecks } from '../../render/issue-checks'
import { audit, readJson, type AppContext, type AppEnv, type HandlerDeps } from '../context'
import {
  articlesOf,
  assertVersion,
  bumpIssue,
  lockIssue,
  saveIssue,
  withoutApproval,
} from '../issue-operations'
import { forbidden, invalid, ProblemError, problemTypes } from '../problem'
import type { StoreTx } from '../store'

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

/** Workflow verbs of an issue: submit, approve, request changes, reopen, publish, unpublish. */
export function workflowRoutes(deps: HandlerDeps) {
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
      const next = bumpIssue(
        issue,
        { status: check.to, ...(await apply(issue, input, tx)) },
        deps.now().toISOString(),
      )
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
    .post(`/issues/:id/${workflowPaths.submit}`, (c) =>
      runWorkflow(c, 'submit', workflowInputSchema, async () => ({ changeRequest: null })),
    )
    .post(`/issues/:id/${workflowPaths.approve}`, (c) =>
      runWorkflow(c, 'approve', approveInputSchema, async (issue, input, tx) => {
        const articles = await articlesOf(tx, issue)
        const blockers = approvalBlockers(
          issueChecks(issue, articles, await tx.getPublication()),
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
