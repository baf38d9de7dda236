import { z } from 'zod'
import { nextArticleStatus, type Article } from '../../domain/article'
import { readinessProblems } from '../../domain/article-findings'
import {
  articleVersionSchema,
  articleVersionSummarySchema,
  restoreVersionInputSchema,
  summariseVersion,
  versionsForRestore,
} from '../../domain/article-versions'
import { idSchema } from '../../domain/clean-text'
import { audit, requirePermission, type HandlerDeps } from '../context'
import {
  addDescribedRoute,
  articleComponent,
  conflictAnswer,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  idParams,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  notFoundAnswer,
  readBody,
  unauthenticatedAnswer,
} from '../contract'
import { assertContentEditable, withdrawApprovalAfterChange } from '../issue-operations'
import { invalid, notFound, versionConflict } from '../problem'
import {
  loadArticle,
  lockArticleWithIssue,
  stored,
  withoutOrphanAnchors,
} from '../article-operations'

const articleVersionComponent = articleVersionSchema.meta({ id: 'ArticleVersion' })
const articleVersionSummaryComponent = articleVersionSummarySchema.meta({
  id: 'ArticleVersionSummary',
})

const versionParams = z.object({
  id: idSchema(),
  number: z.coerce.number().int().positive().meta({ description: 'The number of the version.' }),
})

const notFoundDescription =
  'No such article (`/probleme/nicht-gefunden`, `/probleme/im-papierkorb`), or no version with this number.'

const listVersionsRoute = describeRoute({
  method: 'get',
  path: '/articles/{id}/versions',
  summary: 'The kept versions of an article, newest first: who, when, why, word count',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(z.array(articleVersionSummaryComponent), 'The versions'),
    ...unauthenticatedAnswer,
    ...notFoundAnswer('No such article (`/probleme/nicht-gefunden`, `/probleme/im-papierkorb`).'),
  },
})

const getVersionRoute = describeRoute({
  method: 'get',
  path: '/articles/{id}/versions/{number}',
  summary: 'One kept version of an article with its headline, text and photos',
  request: { params: versionParams },
  responses: {
    200: jsonAnswer(articleVersionComponent, 'The version'),
    ...unauthenticatedAnswer,
    ...notFoundAnswer(notFoundDescription),
  },
})

const restoreVersionRoute = describeRoute({
  method: 'post',
  path: '/articles/{id}/versions/{number}/restore',
  summary:
    'Makes a kept version the current content again; keeps the replaced state and the restored one as new versions',
  request: { params: versionParams, body: jsonBody(restoreVersionInputSchema) },
  responses: {
    200: jsonAnswer(articleComponent, 'The article with the restored content, `version + 1`'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer(notFoundDescription),
    ...conflictAnswer(
      articleComponent,
      "The `version` sent is not the article's stored one (`/probleme/versionskonflikt`, `current` is the stored article), or its issue is locked (`/probleme/gesperrt`).",
    ),
    ...jsonBodyAnswers('Invalid input.'),
  },
})

/** The version number from the path; a malformed one is a 422, not a 500 or a 404. */
function versionNumber(value: string): number {
  const parsed = versionParams.shape.number.safeParse(value)
  if (!parsed.success) {
    throw invalid([{ path: 'number', message: 'Die Versionsnummer ist ungültig.' }])
  }
  return parsed.data
}

/**
 * Versions of an article: the list, one version, and restoring one. The rules for when a version
 * is kept are in `src/domain/article-versions.ts` (docs/decisions/0013-article-versions.md).
 */
export function articleVersionRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  addDescribedRoute(routes, listVersionsRoute, async (c) => {
    const versions = await deps.store.transaction(async (tx) => {
      const article = await loadArticle(tx, c.req.param('id'))
      return tx.listArticleVersions(article.id)
    })
    return c.json(versions.map(summariseVersion))
  })
  addDescribedRoute(routes, getVersionRoute, async (c) => {
    const number = versionNumber(c.req.param('number'))
    const version = await deps.store.transaction(async (tx) => {
      const article = await loadArticle(tx, c.req.param('id'))
      return tx.getArticleVersion(article.id, number)
    })
    if (!version) throw notFound('Diese Version')
    return c.json(version)
  })
  addDescribedRoute(routes, restoreVersionRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'article.write')
    const number = versionNumber(c.req.param('number'))
    const { version } = await readBody(c, restoreVersionRoute)
    const restored = await deps.store.transaction(async (tx) => {
      const { article, issue } = await lockArticleWithIssue(tx, c.req.param('id'))
      const restoring = await tx.getArticleVersion(article.id, number)
      if (!restoring) throw notFound('Diese Version')
      if (article.version !== version) throw versionConflict(article)
      if (issue) assertContentEditable(issue, user)
      const content = {
        headline: restoring.headline,
        body: await withoutOrphanAnchors(tx, article.id, restoring.body),
        photos: restoring.photos,
      }
      const status = nextArticleStatus(
        article.status,
        undefined,
        readinessProblems({ ...article, ...content }),
      )
      const now = deps.now().toISOString()
      const next: Article = {
        ...article,
        ...content,
        // without a refusal: a ready article whose old content lacks something becomes a draft
        status: 'status' in status ? status.status : 'draft',
        version: article.version + 1,
        updatedAt: now,
        updatedBy: user.id,
      }
      if (!(await tx.updateArticle(stored(next), version))) {
        throw versionConflict(await tx.getArticle(article.id))
      }
      const latest = await tx.latestArticleVersion(article.id)
      for (const kept of versionsForRestore({
        latest,
        stored: article,
        restoring,
        by: { at: now, by: user.id },
      })) {
        await tx.insertArticleVersion(kept)
      }
      if (issue) {
        await withdrawApprovalAfterChange(
          deps,
          tx,
          issue,
          user,
          `Beitrag „${next.headline}“ auf Version ${number} zurückgesetzt`,
        )
      }
      await audit(deps, tx, {
        actorId: user.id,
        action: 'article.updated',
        resourceType: 'article',
        resourceId: article.id,
        detail: `Version ${number} wiederhergestellt`,
      })
      return next
    })
    return c.json(restored)
  })
  return routes
}
