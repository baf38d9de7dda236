import type { Article } from '../domain/article'
import type { Issue } from '../domain/issue'
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
