import { z } from 'zod'
import type { Article } from '../../domain/article'
import {
  commentDeletion,
  commentDeletionResultSchema,
  commentInputSchema,
  commentThreadSchema,
  createCommentThreadInputSchema,
  firstCommentWithRepliesMessage,
  mayChangeComment,
  mentionedUsers,
  notOwnCommentMessage,
  openCommentCountsSchema,
  threadQuote,
  type Comment,
  type CommentThread,
} from '../../domain/comment'
import {
  commentAnchorTexts,
  commentAnchorThreadIds,
  differsOnlyInCommentAnchors,
  withoutCommentAnchorsOf,
} from '../../domain/comment-anchor'
import type { User } from '../../domain/user'
import { loadArticle, lockArticleWithIssue, stored } from '../article-operations'
import type { AppContext, HandlerDeps } from '../context'
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
import { notifyComment } from '../notifications'
import {
  forbidden,
  invalid,
  notFound,
  ProblemError,
  problemTypes,
  versionConflict,
} from '../problem'
import type { StoreTx } from '../store'

const commentThreadComponent = commentThreadSchema.meta({ id: 'CommentThread' })

const articleNotFound = notFoundAnswer(
  'No such article (`/probleme/nicht-gefunden`), or it lies in the Papierkorb (`/probleme/im-papierkorb`).',
)
const threadNotFound = notFoundAnswer('No such thread (`/probleme/nicht-gefunden`).')
const commentNotFound = notFoundAnswer('No such comment (`/probleme/nicht-gefunden`).')

const listThreadsRoute = describeRoute({
  method: 'get',
  path: '/articles/{id}/comments',
  summary: "An article's comment threads, oldest first, each with its comments",
  request: { params: idParams },
  responses: {
    200: jsonAnswer(z.array(commentThreadComponent), 'The threads'),
    ...unauthenticatedAnswer,
    ...articleNotFound,
  },
})

const createThreadRoute = describeRoute({
  method: 'post',
  path: '/articles/{id}/comments',
  summary:
    'Opens a comment thread on a passage: stores the body with the new anchor and the first comment together (every role, also in a locked issue; an approval stays)',
  request: {
    params: idParams,
    body: jsonBody(
      createCommentThreadInputSchema,
      '`body` is the stored body with the anchor mark `{ type: "commentAnchor", attrs: { threadId } }` around the passage; anything else in it must be unchanged.',
    ),
  },
  responses: {
    201: jsonAnswer(
      z.object({ thread: commentThreadComponent, article: articleComponent }),
      'The thread and the article with the anchor, `version + 1`',
    ),
    ...unauthenticatedAnswer,
    ...articleNotFound,
    ...conflictAnswer(
      articleComponent,
      "The `version` sent is not the article's stored one (`/probleme/versionskonflikt`, `current` is the stored article).",
    ),
    ...jsonBodyAnswers(
      'Invalid input; `body` differs from the stored text in more than comment anchors, or has no anchor with `threadId`.',
    ),
  },
})

const threadParams = idParams
const replyRoute = describeRoute({
  method: 'post',
  path: '/comment-threads/{id}/comments',
  summary: 'Replies in a thread (every role); tells the people mentioned and those who wrote in it',
  request: { params: threadParams, body: jsonBody(commentInputSchema) },
  responses: {
    201: jsonAnswer(commentThreadComponent, 'The thread with the reply'),
    ...unauthenticatedAnswer,
    ...threadNotFound,
    ...jsonBodyAnswers('No text, or a text that is too long.'),
  },
})

const resolveRoute = describeRoute({
  method: 'post',
  path: '/comment-threads/{id}/resolve',
  summary: 'Marks a thread "Erledigt" (every role; a resolved one stays as it was)',
  request: { params: threadParams },
  responses: {
    200: jsonAnswer(commentThreadComponent, 'The thread, `resolvedAt` and `resolvedBy` set'),
    ...unauthenticatedAnswer,
    ...threadNotFound,
  },
})

const reopenRoute = describeRoute({
  method: 'post',
  path: '/comment-threads/{id}/reopen',
  summary: 'Opens a resolved thread again ("Wieder öffnen", every role)',
  request: { params: threadParams },
  responses: {
    200: jsonAnswer(commentThreadComponent, 'The thread, open'),
    ...unauthenticatedAnswer,
    ...threadNotFound,
  },
})

const editCommentRoute = describeRoute({
  method: 'patch',
  path: '/comments/{id}',
  summary: 'Changes the text of one of the caller’s own comments (people newly mentioned are told)',
  request: { params: idParams, body: jsonBody(commentInputSchema) },
  responses: {
    200: jsonAnswer(commentThreadComponent, 'The thread with the changed comment'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer('Someone else’s comment (`/probleme/keine-berechtigung`).'),
    ...commentNotFound,
    ...jsonBodyAnswers('No text, or a text that is too long.'),
  },
})

const deleteCommentRoute = describeRoute({
  method: 'delete',
  path: '/comments/{id}',
  summary:
    'Deletes one of the caller’s own comments; the only comment of a thread takes the thread and its anchor in the body with it (an approval stays)',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(
      commentDeletionResultSchema.extend({ article: articleComponent.nullable() }),
      '`article`: the article without the thread’s anchor, `version + 1`, when the thread went and its body had the anchor; otherwise null',
    ),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer('Someone else’s comment (`/probleme/keine-berechtigung`).'),
    ...commentNotFound,
    ...conflictAnswer(
      articleComponent,
      'The first comment of a thread with replies (`/probleme/falscher-status`): edit it or resolve the thread. Or the article changed while its thread was deleted (`/probleme/versionskonflikt`, `current` is the stored article; the deletion is undone): cannot happen while the article is locked, kept as the answer to a lost race.',
    ),
  },
})

const openCountsRoute = describeRoute({
  method: 'get',
  path: '/comment-counts',
  summary: 'The number of open comment threads per article id (for the cards of the board)',
  responses: {
    200: jsonAnswer(
      openCommentCountsSchema,
      'Article id → open threads; articles without are left out',
    ),
    ...unauthenticatedAnswer,
  },
})

async function loadThread(tx: StoreTx, id: string): Promise<CommentThread> {
  const thread = await tx.getCommentThread(id)
  if (!thread) throw notFound('Das Gespräch')
  return thread
}

/**
 * The thread, locked (0015): whoever writes to a thread decides on the comments it holds now, so
 * a reply is never deleted with a thread that looked like it had none.
 */
async function lockThread(tx: StoreTx, id: string): Promise<CommentThread> {
  const thread = await tx.lockCommentThread(id)
  if (!thread) throw notFound('Das Gespräch')
  return thread
}

/** One of the user's own comments, with its thread locked. */
async function lockOwnComment(
  tx: StoreTx,
  id: string,
  user: User,
): Promise<{ comment: Comment; thread: CommentThread }> {
  const seen = await tx.getComment(id)
  const thread = seen ? await tx.lockCommentThread(seen.threadId) : null
  const comment = thread?.comments.find((candidate) => candidate.id === id)
  if (!thread || !comment) throw notFound('Der Kommentar')
  if (!mayChangeComment(user, comment)) throw forbidden(notOwnCommentMessage)
  return { comment, thread }
}

/**
 * Takes a deleted thread's anchor out of its article's body (locked by the caller): the anchor is
 * no text, so the version goes up and nothing else changes (who wrote last, the approval).
 * Null: the body had no anchor of the thread (its text was deleted).
 *
 * The versioned write cannot miss while the caller holds the article's lock (the database's row
 * lock; the memory store runs one transaction at a time). Should a store let it miss anyway, the
 * deletion is undone and answered as every lost race on an article is: 409 with the stored one.
 */
async function withoutThreadAnchor(tx: StoreTx, thread: CommentThread): Promise<Article | null> {
  const article = await tx.getArticle(thread.articleId)
  if (!article || !commentAnchorThreadIds(article.body).has(thread.id)) return null
  const next: Article = {
    ...article,
    body: withoutCommentAnchorsOf(article.body, new Set([thread.id])),
    version: article.version + 1,
  }
  if (!(await tx.updateArticle(stored(next), article.version))) {
    throw new ProblemError(
      409,
      problemTypes.versionConflict,
      'Beitrag geändert',
      'Der Beitrag wurde gerade von jemand anderem geändert; der Kommentar ist nicht gelöscht. Bitte laden Sie den Beitrag neu und löschen Sie den Kommentar noch einmal.',
      { current: await tx.getArticle(thread.articleId) },
    )
  }
  return next
}

/**
 * Comment threads on articles (docs/decisions/0015-comments.md). Every role may comment, reply
 * and resolve, also in a submitted or approved issue: the anchor is no text, so opening a thread
 * stores the body without taking an approval back.
 */
export function commentRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  addDescribedRoute(routes, listThreadsRoute, async (c) => {
    const threads = await deps.store.transaction(async (tx) => {
      const article = await loadArticle(tx, c.req.param('id'))
      return tx.listCommentThreads(article.id)
    })
    return c.json(threads)
  })
  addDescribedRoute(routes, createThreadRoute, async (c) => {
    const user = c.get('user')
    const input = await readBody(c, createThreadRoute)
    const result = await deps.store.transaction(async (tx) => {
      // the issue's lock, as every write to an article: an approval waits and sees this one
      const { article } = await lockArticleWithIssue(tx, c.req.param('id'))
      if (article.version !== input.version) throw versionConflict(article)
      if (!differsOnlyInCommentAnchors(article.body, input.body)) {
        throw invalid([
          {
            path: 'body',
            message:
              'Der Text des Beitrags wurde inzwischen geändert. Bitte markieren Sie die Stelle noch einmal.',
          },
        ])
      }
      const anchored = commentAnchorTexts(input.body).get(input.threadId)?.trim()
      if (!anchored) {
        throw invalid([
          { path: 'body', message: 'Bitte markieren Sie den Text, den Sie kommentieren möchten.' },
        ])
      }
      const now = deps.now().toISOString()
      // the text is unchanged: who wrote it last and when stay (versions and lists go by them)
      const next: Article = { ...article, body: input.body, version: article.version + 1 }
      if (!(await tx.updateArticle(stored(next), input.version))) {
        throw versionConflict(await tx.getArticle(article.id))
      }
      const first: Comment = {
        id: deps.newId(),
        threadId: input.threadId,
        authorId: user.id,
        text: input.text,
        createdAt: now,
        editedAt: null,
      }
      await tx.insertCommentThread(
        {
          id: input.threadId,
          articleId: article.id,
          quote: threadQuote(anchored),
          createdBy: user.id,
          createdAt: now,
          resolvedAt: null,
          resolvedBy: null,
        },
        first,
      )
      await notifyComment(deps, tx, {
        articleId: article.id,
        threadId: input.threadId,
        actor: user,
        mentioned: mentionedUsers(input.text, await tx.listUsers()),
        participants: [],
      })
      return { thread: await loadThread(tx, input.threadId), article: next }
    })
    return c.json(result, 201)
  })
  addDescribedRoute(routes, replyRoute, async (c) => {
    const user = c.get('user')
    const { text } = await readBody(c, replyRoute)
    const thread = await deps.store.transaction(async (tx) => {
      const thread = await lockThread(tx, c.req.param('id'))
      await tx.insertComment({
        id: deps.newId(),
        threadId: thread.id,
        authorId: user.id,
        text,
        createdAt: deps.now().toISOString(),
        editedAt: null,
      })
      await notifyComment(deps, tx, {
        articleId: thread.articleId,
        threadId: thread.id,
        actor: user,
        mentioned: mentionedUsers(text, await tx.listUsers()),
        participants: [thread.createdBy, ...thread.comments.map((comment) => comment.authorId)],
      })
      return loadThread(tx, thread.id)
    })
    return c.json(thread, 201)
  })
  const setResolved = async (c: AppContext, threadId: string, resolve: boolean) => {
    const user = c.get('user')
    const thread = await deps.store.transaction(async (tx) => {
      const thread = await lockThread(tx, threadId)
      if ((thread.resolvedAt !== null) !== resolve) {
        await tx.setCommentThreadResolution(
          thread.id,
          resolve ? { at: deps.now().toISOString(), by: user.id } : null,
        )
      }
      return loadThread(tx, thread.id)
    })
    return c.json(thread)
  }
  addDescribedRoute(routes, resolveRoute, (c) => setResolved(c, c.req.param('id'), true))
  addDescribedRoute(routes, reopenRoute, (c) => setResolved(c, c.req.param('id'), false))
  addDescribedRoute(routes, editCommentRoute, async (c) => {
    const user = c.get('user')
    const { text } = await readBody(c, editCommentRoute)
    const thread = await deps.store.transaction(async (tx) => {
      const { comment } = await lockOwnComment(tx, c.req.param('id'), user)
      await tx.updateCommentText(comment.id, text, deps.now().toISOString())
      const users = await tx.listUsers()
      const before = new Set(mentionedUsers(comment.text, users).map((person) => person.id))
      const thread = await loadThread(tx, comment.threadId)
      await notifyComment(deps, tx, {
        articleId: thread.articleId,
        threadId: thread.id,
        actor: user,
        mentioned: mentionedUsers(text, users).filter((person) => !before.has(person.id)),
        participants: [],
      })
      return thread
    })
    return c.json(thread)
  })
  addDescribedRoute(routes, deleteCommentRoute, async (c) => {
    const user = c.get('user')
    const id = c.req.param('id')
    const result = await deps.store.transaction(async (tx) => {
      // the locks in the order every write takes them (issue, article, thread): deleting the
      // only comment stores the body without the thread's anchor
      const seen = await tx.getComment(id)
      const seenThread = seen ? await tx.getCommentThread(seen.threadId) : null
      if (!seenThread) throw notFound('Der Kommentar')
      await lockArticleWithIssue(tx, seenThread.articleId)
      const { comment, thread } = await lockOwnComment(tx, id, user)
      switch (commentDeletion(thread, comment.id)) {
        case 'thread':
          await tx.deleteCommentThread(thread.id)
          return { article: await withoutThreadAnchor(tx, thread) }
        case 'comment':
          await tx.deleteComment(comment.id)
          return { article: null }
        case 'refused':
          throw new ProblemError(
            409,
            problemTypes.wrongState,
            'Nicht möglich',
            firstCommentWithRepliesMessage,
          )
      }
    })
    return c.json(result)
  })
  addDescribedRoute(routes, openCountsRoute, async (c) =>
    c.json(await deps.store.transaction((tx) => tx.openCommentThreadCounts())),
  )
  return routes
}
