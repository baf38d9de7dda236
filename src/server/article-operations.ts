import type { Article } from '../domain/article'
import { commentAnchorThreadIds, withoutOrphanCommentAnchors } from '../domain/comment-anchor'
import type { Issue } from '../domain/issue'
import type { RichTextDoc } from '../domain/rich-text'
import { notFound, ProblemError, problemTypes } from './problem'
import { RetryTransaction, type StoreTx, type StoredArticle } from './store'

/** 404 for an article that is not there; one in the Papierkorb says so and where to restore it. */
export async function missingArticle(tx: StoreTx, id: string): Promise<ProblemError> {
  const trashed = await tx.getTrashEntry(id)
  if (!trashed) return notFound('Der Beitrag')
  return new ProblemError(
    404,
    problemTypes.inTrash,
    'Im Papierkorb',
    `Der Beitrag „${trashed.article.headline || 'Ohne Überschrift'}“ liegt im Papierkorb. Dort können Sie ihn wiederherstellen.`,
  )
}

export async function loadArticle(tx: StoreTx, id: string): Promise<Article> {
  const article = await tx.getArticle(id)
  if (!article) throw await missingArticle(tx, id)
  return article
}

/**
 * The article with its issue, both locked in the one order every path uses (issue, then
 * article): an approval, arrange or workflow step on that issue waits until this write is
 * committed, and sees it. If the article moved between the first read and the locks, the
 * transaction starts again.
 */
export async function lockArticleWithIssue(
  tx: StoreTx,
  id: string,
): Promise<{ article: Article; issue: Issue | null }> {
  const seenIssueId = await tx.issueIdOfArticle(id)
  const issue = seenIssueId === null ? null : await tx.lockIssue(seenIssueId)
  const article = await tx.lockArticle(id)
  if (!article) throw await missingArticle(tx, id)
  if (article.issueId !== (issue?.id ?? null)) {
    throw new RetryTransaction('Der Beitrag wurde gleichzeitig einer Ausgabe zugeordnet.')
  }
  return { article, issue }
}

export const stored = ({ issueId: _issueId, ...article }: Article): StoredArticle => article

/**
 * The body to store for an article: without anchors of threads it does not have (0015). An
 * editor opened before a thread was deleted, or an old version, still holds its anchor; the
 * caller locked the article, so the threads read here are the ones a deletion left.
 */
export async function withoutOrphanAnchors(
  tx: StoreTx,
  articleId: string,
  body: RichTextDoc,
): Promise<RichTextDoc> {
  // one walk over the body: the anchored ids say whether there is anything to check
  const anchored = commentAnchorThreadIds(body)
  if (anchored.size === 0) return body
  const threads = await tx.listCommentThreads(articleId)
  return withoutOrphanCommentAnchors(body, new Set(threads.map((thread) => thread.id)), anchored)
}
