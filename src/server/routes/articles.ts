import { z } from 'zod'
import {
  articleStatusSchema,
  createArticleInputSchema,
  nextArticleStatus,
  updateArticleInputSchema,
  type Article,
  type Photo,
} from '../../domain/article'
import { readinessProblems } from '../../domain/article-findings'
import { withoutCommentAnchors } from '../../domain/comment-anchor'
import { approvedContentDiffers } from '../../domain/fingerprint'
import { saveMayKeepVersion, versionsForSave } from '../../domain/article-versions'
import { emptyDoc } from '../../domain/rich-text'
import {
  deletionProblem,
  isEmptyArticle,
  trashPurgeAt,
  trashPurgeBefore,
  type TrashedArticle,
} from '../../domain/trash'
import { audit, requirePermission, versionFromQuery, type HandlerDeps } from '../context'
import {
  addDescribedRoute,
  articleComponent,
  conflictAnswer,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  idParams,
  invalidAnswer,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  notFoundAnswer,
  readBody,
  trashedArticleComponent,
  unauthenticatedAnswer,
} from '../contract'
import { maxQueryValueLength } from '../input-rules'
import { assertContentEditable, withdrawApprovalAfterChange } from '../issue-operations'
import { invalid, ProblemError, problemTypes, versionConflict } from '../problem'
import type { StoreTx, TrashEntry } from '../store'
import {
  loadArticle,
  lockArticleWithIssue,
  missingArticle,
  stored,
  withoutOrphanAnchors,
} from '../article-operations'

const articleNotFound = notFoundAnswer(
  'No such article (`/probleme/nicht-gefunden`), or it lies in the Papierkorb (`/probleme/im-papierkorb`).',
)

const listArticlesRoute = describeRoute({
  method: 'get',
  path: '/articles',
  summary: 'Articles, filtered by issue, status and a search term',
  request: {
    query: z.object({
      issueId: z
        .string()
        .optional()
        .meta({ description: 'Articles of this issue; `none` lists the Themenspeicher.' }),
      status: articleStatusSchema.optional(),
      q: z
        .string()
        .max(maxQueryValueLength)
        .optional()
        .meta({ description: 'Searches headline and text, case-insensitive.' }),
    }),
  },
  responses: {
    200: jsonAnswer(z.array(articleComponent), 'The articles'),
    ...unauthenticatedAnswer,
    ...invalidAnswer('An unknown `status`, or a query value that is too long or unclean.'),
  },
})

const createArticleRoute = describeRoute({
  method: 'post',
  path: '/articles',
  summary: 'Writes a new article into the Themenspeicher (status `draft`, author = caller)',
  request: { body: jsonBody(createArticleInputSchema) },
  responses: {
    201: jsonAnswer(articleComponent, 'The new article'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...jsonBodyAnswers('Invalid input, or a photo names an upload that does not exist.'),
  },
})

const getArticleRoute = describeRoute({
  method: 'get',
  path: '/articles/{id}',
  summary: 'One article',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(articleComponent, 'The article'),
    ...unauthenticatedAnswer,
    ...articleNotFound,
  },
})

const updateArticleRoute = describeRoute({
  method: 'patch',
  path: '/articles/{id}',
  summary: 'Saves changes of an article (autosave), and marks it ready or draft',
  request: { params: idParams, body: jsonBody(updateArticleInputSchema) },
  responses: {
    200: jsonAnswer(articleComponent, 'The saved article, `version + 1`'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...articleNotFound,
    ...conflictAnswer(
      articleComponent,
      'The `version` sent is not the stored one (`/probleme/versionskonflikt`, `current` is the stored article), or its issue is locked (`/probleme/gesperrt`).',
    ),
    ...jsonBodyAnswers(
      'Invalid input; `status: "ready"` while the article is not ready; a photo that does not exist.',
    ),
  },
})

const deleteArticleRoute = describeRoute({
  method: 'delete',
  path: '/articles/{id}',
  summary: 'Moves an article in no issue into the Papierkorb (an empty one is removed for good)',
  request: {
    params: idParams,
    query: z.object({ version: z.coerce.number().int().positive() }),
  },
  responses: {
    204: { description: 'Deleted' },
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...articleNotFound,
    ...conflictAnswer(
      articleComponent,
      'The `version` is not the stored one (`/probleme/versionskonflikt`), or the article belongs to an issue (`/probleme/beitrag-zugeordnet`).',
    ),
    ...invalidAnswer('The `version` is missing or invalid.'),
  },
})

const listTrashRoute = describeRoute({
  method: 'get',
  path: '/trash',
  summary: 'The Papierkorb, most recently deleted first (entries older than 30 days are gone)',
  responses: {
    200: jsonAnswer(z.array(trashedArticleComponent), 'The articles in the Papierkorb'),
    ...unauthenticatedAnswer,
  },
})

const restoreArticleRoute = describeRoute({
  method: 'post',
  path: '/trash/{id}/restore',
  summary: 'Takes an article out of the Papierkorb into the Themenspeicher (`version + 1`)',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(articleComponent, 'The restored article'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('The article is not (or no longer) in the Papierkorb.'),
  },
})

/** A Papierkorb entry as the API shows it: the article with who deleted it, when, and until when. */
export function trashedArticle(entry: TrashEntry): TrashedArticle {
  return {
    ...entry.article,
    issueId: null,
    deletedAt: entry.deletedAt,
    deletedBy: entry.deletedBy,
    purgeAt: trashPurgeAt(entry.deletedAt),
  }
}

/** 422 when a photo names an upload that does not exist (a made-up or mistyped media id). */
async function assertPhotosExist(tx: StoreTx, photos: readonly Photo[] | undefined) {
  if (!photos) return
  const errors = []
  for (const [index, photo] of photos.entries()) {
    if (!(await tx.getMedia(photo.mediaId))) {
      errors.push({
        path: `photos.${index}.mediaId`,
        message: 'Dieses Foto wurde nicht gefunden. Bitte laden Sie es erneut hoch.',
      })
    }
  }
  if (errors.length > 0) throw invalid(errors)
}

/**
 * Article endpoints: search and filter, create, read, autosave-friendly PATCH, delete into the
 * Papierkorb, and the Papierkorb itself (list, restore). Entries older than the retention are
 * removed for good whenever the Papierkorb is read or written.
 */
export function articleRoutes(deps: HandlerDeps) {
  const purgeExpired = (tx: StoreTx) => tx.purgeTrash(trashPurgeBefore(deps.now()))
  const routes = contractRoutes()
  addDescribedRoute(routes, listArticlesRoute, async (c) => {
    const issueId = c.req.query('issueId')
    const status = c.req.query('status')
    const parsedStatus = status === undefined ? undefined : articleStatusSchema.safeParse(status)
    if (parsedStatus && !parsedStatus.success) {
      throw invalid([{ path: 'status', message: 'Unbekannter Status.' }])
    }
    const articles = await deps.store.transaction((tx) =>
      tx.listArticles({
        issueId: issueId === undefined ? undefined : issueId === 'none' ? null : issueId,
        status: parsedStatus?.data,
        q: c.req.query('q')?.trim() || undefined,
      }),
    )
    return c.json(articles)
  })
  addDescribedRoute(routes, createArticleRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'article.write')
    const input = await readBody(c, createArticleRoute)
    const now = deps.now().toISOString()
    const article: Article = {
      id: deps.newId(),
      headline: input.headline,
      // a new article has no threads yet: an anchor in what was sent belongs to none
      body: input.body ? withoutCommentAnchors(input.body) : emptyDoc(),
      photos: input.photos ?? [],
      authorId: user.id,
      status: 'draft',
      issueId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      updatedBy: user.id,
    }
    await deps.store.transaction(async (tx) => {
      await assertPhotosExist(tx, input.photos)
      await tx.insertArticle(stored(article))
      await audit(deps, tx, {
        actorId: user.id,
        action: 'article.created',
        resourceType: 'article',
        resourceId: article.id,
      })
    })
    return c.json(article, 201)
  })
  addDescribedRoute(routes, getArticleRoute, async (c) =>
    c.json(await deps.store.transaction((tx) => loadArticle(tx, c.req.param('id')))),
  )
  addDescribedRoute(routes, updateArticleRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'article.write')
    const { version, ...changes } = await readBody(c, updateArticleRoute)
    const saved = await deps.store.transaction(async (tx) => {
      const { article, issue } = await lockArticleWithIssue(tx, c.req.param('id'))
      if (article.version !== version) throw versionConflict(article)
      if (issue) assertContentEditable(issue, user)
      await assertPhotosExist(tx, changes.photos)
      const { status: requested, body, ...content } = changes
      const candidate = {
        ...article,
        ...content,
        ...(body && { body: await withoutOrphanAnchors(tx, article.id, body) }),
      }
      const status = nextArticleStatus(article.status, requested, readinessProblems(candidate))
      if ('refused' in status) {
        throw invalid(status.refused.map((message) => ({ path: 'status', message })))
      }
      const next: Article = {
        ...candidate,
        status: status.status,
        version: article.version + 1,
        updatedAt: deps.now().toISOString(),
        updatedBy: user.id,
      }
      if (!(await tx.updateArticle(stored(next), version))) {
        throw versionConflict(await tx.getArticle(article.id))
      }
      if (saveMayKeepVersion(article, next)) {
        const latest = await tx.latestArticleVersion(article.id)
        for (const kept of versionsForSave({ latest, stored: article, saved: next })) {
          await tx.insertArticleVersion(kept)
        }
      }
      if (issue && approvedContentDiffers(article, next)) {
        await withdrawApprovalAfterChange(
          deps,
          tx,
          issue,
          user,
          `Beitrag „${next.headline}“ geändert`,
        )
      }
      if (next.status !== article.status) {
        await audit(deps, tx, {
          actorId: user.id,
          action: 'article.updated',
          resourceType: 'article',
          resourceId: article.id,
          detail:
            next.status === 'ready'
              ? 'Als fertig markiert'
              : requested === 'draft'
                ? 'Wieder als Entwurf markiert'
                : 'Automatisch wieder Entwurf, weil Angaben fehlen',
        })
      }
      return next
    })
    return c.json(saved)
  })
  addDescribedRoute(routes, deleteArticleRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'article.delete')
    const version = versionFromQuery(c.req.query('version'))
    await deps.store.transaction(async (tx) => {
      await purgeExpired(tx)
      // Adding an article to an issue locks it too: while this lock is held it stays unassigned.
      const id = c.req.param('id')
      const article = await tx.lockArticle(id)
      if (!article) throw await missingArticle(tx, id)
      if (article.version !== version) throw versionConflict(article)
      const problem = deletionProblem(article)
      if (problem) {
        throw new ProblemError(409, problemTypes.assigned, 'Beitrag ist eingeplant', problem)
      }
      // Nothing typed, nothing to restore: an empty article left by "Neuer Beitrag" goes for good.
      const empty = isEmptyArticle(article)
      const done = empty
        ? await tx.deleteArticle(article.id, version)
        : await tx.moveArticleToTrash(article.id, version, {
            deletedAt: deps.now().toISOString(),
            deletedBy: user.id,
          })
      if (!done) throw versionConflict(await tx.getArticle(article.id))
      await audit(deps, tx, {
        actorId: user.id,
        action: empty ? 'article.discarded' : 'article.deleted',
        resourceType: 'article',
        resourceId: article.id,
        detail: article.headline || null,
      })
    })
    return c.body(null, 204)
  })
  addDescribedRoute(routes, listTrashRoute, async (c) => {
    const entries = await deps.store.transaction(async (tx) => {
      await purgeExpired(tx)
      return tx.listTrash()
    })
    return c.json(entries.map(trashedArticle))
  })
  addDescribedRoute(routes, restoreArticleRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'article.delete')
    const restored = await deps.store.transaction(async (tx) => {
      await purgeExpired(tx)
      const entry = await tx.lockTrashEntry(c.req.param('id'))
      if (!entry) {
        throw new ProblemError(
          404,
          problemTypes.notFound,
          'Nicht gefunden',
          'Der Beitrag liegt nicht (mehr) im Papierkorb: Er wurde schon wiederhergestellt oder nach 30 Tagen endgültig gelöscht.',
        )
      }
      const article: Article = {
        ...entry.article,
        // its threads went when it was deleted (0015): their anchors go too
        body: withoutCommentAnchors(entry.article.body),
        issueId: null,
        version: entry.article.version + 1,
        updatedAt: deps.now().toISOString(),
        updatedBy: user.id,
      }
      await tx.restoreArticle(stored(article))
      await audit(deps, tx, {
        actorId: user.id,
        action: 'article.restored',
        resourceType: 'article',
        resourceId: article.id,
        detail: article.headline || null,
      })
      return article
    })
    return c.json(restored)
  })
  return routes
}
