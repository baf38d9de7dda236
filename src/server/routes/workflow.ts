import type { z } from 'zod'
import type { Article } from '../../domain/article'
import { milestoneVersion } from '../../domain/article-versions'
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
import { publicUrlOf, publishToArchive } from '../archive'
import { audit, type AppContext, type HandlerDeps } from '../context'
import {
  addDescribedRoute,
  conflictAnswer,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  idParams,
  issueComponent,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  notFoundAnswer,
  readBody,
  unauthenticatedAnswer,
} from '../contract'
import {
  articlesOf,
  assertVersion,
  bumpIssue,
  lockIssue,
  saveIssue,
  withoutApproval,
} from '../issue-operations'
import { notifyWorkflowStep } from '../notifications'
import { forbidden, invalid, ProblemError, problemTypes } from '../problem'
import type { StoreTx } from '../store'

/** The description of a workflow verb: `POST /issues/{id}/<verb>` with its body and answers. */
function workflowRoute<Verb extends string, Schema extends z.ZodType<{ version: number }>>(
  verb: Verb,
  schema: Schema,
  texts: { summary: string; done: string; invalid?: string },
) {
  return describeRoute({
    method: 'post',
    path: `/issues/{id}/${verb}`,
    summary: texts.summary,
    request: { params: idParams, body: jsonBody(schema) },
    responses: {
      200: jsonAnswer(issueComponent, texts.done),
      ...unauthenticatedAnswer,
      ...forbiddenAnswer(),
      ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
      ...conflictAnswer(
        issueComponent,
        "The `version` sent is not the stored one (`/probleme/versionskonflikt`, `current` is the stored issue), or the step is not possible from the issue's status (`/probleme/falscher-status`).",
      ),
      ...jsonBodyAnswers(texts.invalid),
    },
  })
}

const submitRoute = workflowRoute('submit', workflowInputSchema, {
  summary: 'Submits the issue for approval (from `draft` or `changes_requested`)',
  done: 'The issue, `in_review`',
})
const approveRoute = workflowRoute('approve', approveInputSchema, {
  summary: 'Approves the issue (head only)',
  done: 'The issue, `approved`, with the approval and a copy of the approved content',
  invalid:
    'Invalid input, or a check finds an error or an unacknowledged warning (`errors[].path = "checks.<id>"`).',
})
const requestChangesRoute = workflowRoute('request-changes', requestChangesInputSchema, {
  summary: 'Sends the issue back to the Redaktion with a comment (head only)',
  done: 'The issue, `changes_requested`',
})
const reopenRoute = workflowRoute('reopen', workflowInputSchema, {
  summary: 'Puts the issue back into Bearbeitung (head only)',
  done: 'The issue, `draft`',
})
const publishRoute = workflowRoute('publish', workflowInputSchema, {
  summary: 'Marks the approved issue as sent; it is locked afterwards',
  done: 'The issue, `published`',
})
const unpublishRoute = workflowRoute('unpublish', unpublishInputSchema, {
  summary:
    'Takes back "Als versendet markieren", with a reason for the Verlauf (head only); refused (409 `/probleme/falscher-status`) when the issue went out through Rundbrief (`sentThroughRundbrief`)',
  done: 'The issue, `approved` again, the approval kept',
})

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
    route: Parameters<typeof readBody<Schema>>[1],
    apply: (issue: Issue, input: z.infer<Schema>, tx: StoreTx) => Promise<Partial<Issue>>,
    auditDetail: (next: Issue, input: z.infer<Schema>) => string | null = () => null,
  ) {
    const user = c.get('user')
    const input = await readBody(c, route)
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

  /** Keeps a version of each article of the issue as it is submitted or approved. */
  async function keepMilestones(
    c: AppContext,
    tx: StoreTx,
    articles: readonly Article[],
    reason: 'submitted' | 'approved',
  ) {
    const by = { at: deps.now().toISOString(), by: c.get('user').id }
    for (const article of articles) {
      await tx.insertArticleVersion(milestoneVersion(article, reason, by))
    }
  }

  const routes = contractRoutes()
  addDescribedRoute(routes, submitRoute, (c) =>
    runWorkflow(c, 'submit', submitRoute, async (issue, _input, tx) => {
      await keepMilestones(c, tx, await articlesOf(tx, issue), 'submitted')
      await notifyWorkflowStep(deps, tx, {
        kind: 'issue_submitted',
        issueId: issue.id,
        actor: c.get('user'),
      })
      return { changeRequest: null }
    }),
  )
  addDescribedRoute(routes, approveRoute, (c) =>
    runWorkflow(c, 'approve', approveRoute, async (issue, input, tx) => {
      const articles = await articlesOf(tx, issue)
      const publication = await tx.getPublication()
      const blockers = approvalBlockers(
        issueChecks(issue, articles, publication),
        input.acknowledgedWarnings,
      )
      if (blockers.length > 0) {
        throw invalid(
          blockers.map((blocker) => ({ path: `checks.${blocker.id}`, message: blocker.message })),
        )
      }
      const fingerprint = await contentFingerprint(issue, articles, publication)
      if (input.fingerprint !== undefined && input.fingerprint !== fingerprint) {
        throw new ProblemError(
          409,
          problemTypes.versionConflict,
          'Inhalt geändert',
          'Der Inhalt der Ausgabe, ihr Layout oder ihr Impressum hat sich geändert, während Sie sie geprüft haben. Bitte prüfen Sie den neuen Stand.',
          { current: issue },
        )
      }
      const content = approvedContent(issue, articles, publication)
      await keepMilestones(c, tx, articles, 'approved')
      await notifyWorkflowStep(deps, tx, {
        kind: 'issue_approved',
        issueId: issue.id,
        actor: c.get('user'),
      })
      return {
        approval: {
          approvedBy: c.get('user').id,
          approvedAt: deps.now().toISOString(),
          fingerprint,
          content: { articles: content.articles, publication: content.publication },
        },
        withdrawnApproval: null,
        lastChangeRequest: null,
      }
    }),
  )
  addDescribedRoute(routes, requestChangesRoute, (c) =>
    runWorkflow(
      c,
      'requestChanges',
      requestChangesRoute,
      async (issue, input, tx) => {
        const changeRequest = {
          comment: input.comment,
          requestedBy: c.get('user').id,
          requestedAt: deps.now().toISOString(),
        }
        // with the settings, so that a resubmission shows their changes as well
        const content = approvedContent(
          issue,
          await articlesOf(tx, issue),
          await tx.getPublication(),
        )
        await notifyWorkflowStep(deps, tx, {
          kind: 'changes_requested',
          issueId: issue.id,
          actor: c.get('user'),
        })
        return {
          ...withoutApproval(issue, c.get('user'), deps.now().toISOString()),
          changeRequest,
          lastChangeRequest: {
            ...changeRequest,
            content: { articles: content.articles, publication: content.publication },
          },
        }
      },
      (next) => next.changeRequest?.comment ?? null,
    ),
  )
  addDescribedRoute(routes, reopenRoute, (c) =>
    runWorkflow(c, 'reopen', reopenRoute, async (issue) =>
      withoutApproval(issue, c.get('user'), deps.now().toISOString()),
    ),
  )
  // "Als versendet markieren" stores the archive page in the transaction that makes it versendet
  addDescribedRoute(routes, publishRoute, (c) =>
    runWorkflow(c, 'publish', publishRoute, async (issue, _input, tx) => {
      await publishToArchive(tx, issue, publicUrlOf(deps, c), deps.now().toISOString())
      return {}
    }),
  )
  addDescribedRoute(routes, unpublishRoute, (c) =>
    runWorkflow(
      c,
      'unpublish',
      unpublishRoute,
      // what went out through Rundbrief is refused by `checkTransition` (sentThroughRundbrief)
      async (issue, _input, tx) => {
        // the page goes offline again; the address stays reserved for the next "versendet"
        await tx.removeArchivePage(issue.id)
        return {}
      },
      (_next, input) => input.reason,
    ),
  )
  return routes
}
