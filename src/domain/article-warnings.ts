import type { Article } from './article'

/** Warnings shown on a card: photos without alt text (unless decorative) or without credit. */
export function articleWarnings(article: Pick<Article, 'photos' | 'headline' | 'body'>): string[] {
  const warnings: string[] = []
  if (article.headline.trim() === '') warnings.push('Überschrift fehlt')
  const bodyEmpty = article.body.content.every(
    (block) => block.type === 'paragraph' && (block.content ?? []).length === 0,
  )
  if (bodyEmpty) warnings.push('Text fehlt')
  article.photos.forEach((photo, index) => {
    const label = article.photos.length > 1 ? ` (Foto ${index + 1})` : ''
    if (!photo.decorative && photo.alt.trim() === '') warnings.push(`Alternativtext fehlt${label}`)
    if (photo.credit.trim() === '') warnings.push(`Fotonachweis fehlt${label}`)
  })
  return warnings
}

/** Readiness of an issue's content: articles ready out of all, and open warnings. */
export function issueReadiness(articles: readonly Article[]) {
  return {
    ready: articles.filter((article) => article.status === 'ready').length,
    total: articles.length,
    warnings: articles.reduce((sum, article) => sum + articleWarnings(article).length, 0),
  }
}
