import type { Article } from './article'
import { articleFindings, type ArticleFinding } from './article-findings'

/** What a card on the board shows: the article's findings, each with the severity of the checks. */
export function articleWarnings(
  article: Pick<Article, 'id' | 'photos' | 'headline' | 'body'>,
): Pick<ArticleFinding, 'id' | 'severity' | 'label'>[] {
  return articleFindings(article).map(({ id, severity, label }) => ({ id, severity, label }))
}

/**
 * Readiness of an issue's content: articles ready out of all. Open errors and warnings are
 * counted from the "Prüfungen" (`countFindings` in `checks.ts`), which also see the issue as a whole.
 */
export function issueReadiness(articles: readonly Pick<Article, 'status'>[]) {
  return {
    ready: articles.filter((article) => article.status === 'ready').length,
    total: articles.length,
  }
}
