import type { Article } from './article'
import { articleFindings, type ArticleFinding } from './article-findings'

/** What a card on the board shows: the article's findings, each with the severity of the checks. */
export function articleWarnings(
  article: Pick<Article, 'id' | 'photos' | 'headline' | 'body'>,
): Pick<ArticleFinding, 'id' | 'severity' | 'label'>[] {
  return articleFindings(article).map(({ id, severity, label }) => ({ id, severity, label }))
}

/** Readiness of an issue's content: articles ready out of all, open errors and warnings. */
export function issueReadiness(articles: readonly Article[]) {
  const findings = articles.flatMap((article) => articleFindings(article))
  return {
    ready: articles.filter((article) => article.status === 'ready').length,
    total: articles.length,
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
  }
}
