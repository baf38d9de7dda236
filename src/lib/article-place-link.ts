import type { ArticleField, ArticlePlace } from '../domain/article-findings'

/** The query parameters of a link to a place in an article: the field's label, the photo. */
export const placeParams = { field: 'feld', photo: 'foto' } as const

/** How the article editor labels each field; a link names the field by it. */
const fieldLabels: Record<ArticleField, string> = {
  headline: 'Überschrift',
  body: 'Text',
  caption: 'Bildunterschrift',
  credit: 'Fotonachweis',
  alt: 'Alternativtext',
}

/**
 * The address of an article's page, with the field to fix focused when `place` is given:
 * `/beitraege/beitrag-07?feld=Alternativtext&foto=foto-3`.
 */
export function articleHref(articleId: string, place?: ArticlePlace): string {
  const path = `/beitraege/${encodeURIComponent(articleId)}`
  if (!place) return path
  const params = new URLSearchParams({ [placeParams.field]: fieldLabels[place.field] })
  if (place.mediaId) params.set(placeParams.photo, place.mediaId)
  return `${path}?${params.toString()}`
}
