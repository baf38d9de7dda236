import { Hono } from 'hono'
import type { Article } from '../../domain/article'
import { formatBerlinDateTime } from '../../domain/deadline'
import {
  arrangeIssueInputSchema,
  createIssueInputSchema,
  issueDateErrors,
  updateIssueInputSchema,
  type Issue,
} from '../../domain/issue'
import { deadlineChangeProblem } from '../../domain/workflow'
import { audit, readJson, requirePermission, type AppEnv, type HandlerDeps } from '../context'
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

/** Issue endpoints: list, create, read, edit, arrange, history (the workflow verbs are in `workflow.ts`). */
export function issueRoutes(deps: HandlerDeps) {
  const bump = (issue: Issue, changes: Partial<Issue>): Issue =>
    bumpIssue(issue, changes, deps.now().toISOString())

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
}
