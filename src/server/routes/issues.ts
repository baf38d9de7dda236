import { Hono } from 'hono'
import type { z } from 'zod'
import { approvalBlockers, runChecks } from '../../domain/checks'
import { contentFingerprint } from '../../domain/fingerprint'
import {
  approveInputSchema,
  arrangeIssueInputSchema,
  createIssueInputSchema,
  issueDateErrors,
  requestChangesInputSchema,
  updateIssueInputSchema,
  workflowInputSchema,
  type Issue,
} from '../../domain/issue'
import type { User } from '../../domain/user'
import { checkTransition, contentLockReason, type WorkflowAction } from '../../domain/workflow'
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

/** Refuses changes to the content of a locked issue (in review, approved, sent). */
export function assertContentEditable(issue: Issue, user: User): void {
  const reason = contentLockReason(issue.status, user.role)
  if (reason) throw new ProblemError(409, problemTypes.locked, 'Ausgabe gesperrt', reason)
}

const workflowActionNames: Record<WorkflowAction, string> = {
  submit: 'submit',
  approve: 'approve',
  requestChanges: 'request-changes',
  publish: 'publish',
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
  ) {
    const user = c.get('user')
    const input = await readJson(c, schema)
    const saved = await deps.store.transaction(async (tx) => {
      const issue = await loadIssue(tx, c.req.param('id') ?? '')
      const check = checkTransition(action, issue.status, user.role)
      if (!check.ok && check.reason === 'forbidden') throw forbidden(check.message)
      assertVersion(issue, input.version)
      if (!check.ok) {
        throw new ProblemError(409, problemTypes.wrongState, 'Nicht möglich', check.message)
      }
      const next = bump(issue, { status: check.to, ...(await apply(issue, input, tx)) })
      await saveIssue(tx, next, input.version)
      const auditAction = {
        submit: 'issue.submitted',
        approve: 'issue.approved',
        requestChanges: 'issue.changes_requested',
        publish: 'issue.published',
      } as const
      await audit(deps, tx, {
        actorId: user.id,
        action: auditAction[action],
        resourceType: 'issue',
        resourceId: issue.id,
        detail: action === 'requestChanges' ? (next.changeRequest?.comment ?? null) : null,
      })
      return next
    })
    return c.json(saved)
  }

  const routes = new Hono<AppEnv>()
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
        changeRequest: null,
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
        const issue = await loadIssue(tx, c.req.param('id'))
        assertVersion(issue, version)
        if (issue.status === 'published') assertContentEditable(issue, user)
        const deadline = changes.deadline
          ? new Date(changes.deadline).toISOString()
          : issue.deadline
        const plannedSendDate = changes.plannedSendDate ?? issue.plannedSendDate
        const errors = issueDateErrors(
          { deadline, plannedSendDate },
          { now: deps.now(), creating: false },
        )
        if (errors.length > 0) throw invalid(errors)
        const next = await saveIssue(
          tx,
          bump(issue, { label: changes.label ?? issue.label, deadline, plannedSendDate }),
          version,
        )
        const detail =
          deadline !== issue.deadline ? `Redaktionsschluss: ${issue.deadline} → ${deadline}` : null
        await audit(deps, tx, {
          actorId: user.id,
          action: 'issue.updated',
          resourceType: 'issue',
          resourceId: issue.id,
          detail,
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
        const issue = await loadIssue(tx, c.req.param('id'))
        assertVersion(issue, version)
        assertContentEditable(issue, user)
        const errors = []
        for (const [index, articleId] of articleIds.entries()) {
          const article = await tx.getArticle(articleId)
          if (!article) {
            errors.push({ path: `articleIds.${index}`, message: 'Dieser Beitrag existiert nicht.' })
          } else if (article.issueId !== null && article.issueId !== issue.id) {
            errors.push({
              path: `articleIds.${index}`,
              message: `„${article.headline || 'Ohne Überschrift'}“ gehört bereits zu einer anderen Ausgabe.`,
            })
          }
        }
        if (errors.length > 0) throw invalid(errors)
        const next = await saveIssue(tx, bump(issue, { articleIds }), version)
        await audit(deps, tx, {
          actorId: user.id,
          action: 'issue.arranged',
          resourceType: 'issue',
          resourceId: issue.id,
        })
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
    .post(`/issues/:id/${workflowActionNames.submit}`, (c) =>
      runWorkflow(c, 'submit', workflowInputSchema, async () => ({ changeRequest: null })),
    )
    .post(`/issues/:id/${workflowActionNames.approve}`, (c) =>
      runWorkflow(c, 'approve', approveInputSchema, async (issue, input, tx) => {
        const articles = (
          await Promise.all(issue.articleIds.map((id) => tx.getArticle(id)))
        ).filter((article) => article !== null)
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
        return {
          approval: {
            approvedBy: c.get('user').id,
            approvedAt: deps.now().toISOString(),
            fingerprint,
          },
        }
      }),
    )
    .post(`/issues/:id/${workflowActionNames.requestChanges}`, (c) =>
      runWorkflow(c, 'requestChanges', requestChangesInputSchema, async (_issue, input) => ({
        approval: null,
        changeRequest: {
          comment: input.comment,
          requestedBy: c.get('user').id,
          requestedAt: deps.now().toISOString(),
        },
      })),
    )
    .post(`/issues/:id/${workflowActionNames.publish}`, (c) =>
      runWorkflow(c, 'publish', workflowInputSchema, async () => ({})),
    )
  return routes
}
