import { z } from 'zod'
import type { Article } from '../../domain/article'
import { canonicalJson } from '../../domain/canonical-json'
import { formatBerlinDateTime } from '../../domain/deadline'
import { publicationOfIssue, shownIssueFacts } from '../../domain/fingerprint'
import {
  arrangeIssueInputSchema,
  createIssueInputSchema,
  issueDateErrors,
  updateIssueInputSchema,
  type Issue,
} from '../../domain/issue'
import { deadlineChangeProblem, withdrawsApproval } from '../../domain/workflow'
import { audit, requirePermission, type HandlerDeps } from '../context'
import {
  addDescribedRoute,
  auditEventComponent,
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
  assertContentEditable,
  assertVersion,
  bumpIssue,
  loadIssue,
  lockIssue,
  saveIssue,
  withdrawApprovalAfterChange,
} from '../issue-operations'
import { forbidden, invalid } from '../problem'

const issueNotFound = notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).')

const listIssuesRoute = describeRoute({
  method: 'get',
  path: '/issues',
  summary: 'All issues, latest Redaktionsschluss first',
  responses: {
    200: jsonAnswer(z.array(issueComponent), 'The issues'),
    ...unauthenticatedAnswer,
  },
})

const createIssueRoute = describeRoute({
  method: 'post',
  path: '/issues',
  summary: 'Plans a new issue (status `draft`)',
  request: { body: jsonBody(createIssueInputSchema) },
  responses: {
    201: jsonAnswer(issueComponent, 'The new issue'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...jsonBodyAnswers(
      'Invalid input; the deadline is in the past or after the planned send date.',
    ),
  },
})

const getIssueRoute = describeRoute({
  method: 'get',
  path: '/issues/{id}',
  summary: 'One issue',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(issueComponent, 'The issue'),
    ...unauthenticatedAnswer,
    ...issueNotFound,
  },
})

const updateIssueRoute = describeRoute({
  method: 'patch',
  path: '/issues/{id}',
  summary: 'Changes label, Redaktionsschluss or planned send date of an issue',
  request: { params: idParams, body: jsonBody(updateIssueInputSchema) },
  responses: {
    200: jsonAnswer(issueComponent, 'The saved issue, `version + 1`'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(
      'The role may not do this, or the Redaktionsschluss has passed and only the head may move it (`/probleme/keine-berechtigung`).',
    ),
    ...issueNotFound,
    ...conflictAnswer(
      issueComponent,
      'The `version` sent is not the stored one (`/probleme/versionskonflikt`, `current` is the stored issue), or the sent issue is locked (`/probleme/gesperrt`).',
    ),
    ...jsonBodyAnswers('Invalid input or dates.'),
  },
})

const arrangeIssueRoute = describeRoute({
  method: 'put',
  path: '/issues/{id}/articles',
  summary: 'Sets which articles the issue holds, in their order',
  request: { params: idParams, body: jsonBody(arrangeIssueInputSchema) },
  responses: {
    200: jsonAnswer(issueComponent, 'The arranged issue, `version + 1`'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...issueNotFound,
    ...conflictAnswer(
      issueComponent,
      'The `version` sent is not the stored one (`/probleme/versionskonflikt`), or the issue is locked (`/probleme/gesperrt`).',
    ),
    ...jsonBodyAnswers(
      'Unknown ids, duplicates, articles in the Papierkorb or of another issue (`errors[].path = "articleIds.<index>"`).',
    ),
  },
})

const issueHistoryRoute = describeRoute({
  method: 'get',
  path: '/issues/{id}/history',
  summary: 'The Verlauf of an issue, oldest first',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(z.array(auditEventComponent), 'The audit events of the issue'),
    ...unauthenticatedAnswer,
    ...issueNotFound,
  },
})

/** Issue endpoints: list, create, read, edit, arrange, history (the workflow verbs are in `workflow.ts`). */
export function issueRoutes(deps: HandlerDeps) {
  const bump = (issue: Issue, changes: Partial<Issue>): Issue =>
    bumpIssue(issue, changes, deps.now().toISOString())

  const routes = contractRoutes()
  addDescribedRoute(routes, listIssuesRoute, async (c) => {
    const issues = await deps.store.transaction((tx) => tx.listIssues())
    return c.json(issues.sort((a, b) => b.deadline.localeCompare(a.deadline)))
  })
  addDescribedRoute(routes, createIssueRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.create')
    const input = await readBody(c, createIssueRoute)
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
      sentThroughRundbrief: false,
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
  addDescribedRoute(routes, getIssueRoute, async (c) =>
    c.json(await deps.store.transaction((tx) => loadIssue(tx, c.req.param('id')))),
  )
  addDescribedRoute(routes, updateIssueRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.edit')
    const { version, ...changes } = await readBody(c, updateIssueRoute)
    const saved = await deps.store.transaction(async (tx) => {
      const issue = await lockIssue(tx, c.req.param('id'))
      assertVersion(issue, version)
      if (issue.status === 'published') assertContentEditable(issue, user)
      const deadline = changes.deadline ? new Date(changes.deadline).toISOString() : issue.deadline
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
      let next = await saveIssue(
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
      if (withdrawsApproval(issue.status)) {
        // what the approved outputs show of the issue itself: a change takes the approval back
        const { layout } = publicationOfIssue(issue, await tx.getPublication())
        if (
          canonicalJson(shownIssueFacts(issue, layout)) !==
          canonicalJson(shownIssueFacts(next, layout))
        ) {
          next = await withdrawApprovalAfterChange(
            deps,
            tx,
            next,
            user,
            'Titel, Redaktionsschluss oder Erscheinungsdatum der Ausgabe geändert',
          )
        }
      }
      return next
    })
    return c.json(saved)
  })
  addDescribedRoute(routes, arrangeIssueRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.arrange')
    const { version, articleIds } = await readBody(c, arrangeIssueRoute)
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
  addDescribedRoute(routes, issueHistoryRoute, async (c) => {
    const events = await deps.store.transaction(async (tx) => {
      const issue = await loadIssue(tx, c.req.param('id'))
      return tx.listAudit(issue.id)
    })
    return c.json(events.sort((a, b) => a.at.localeCompare(b.at)))
  })
  return routes
}
