import type { Photo } from '../domain/article'
import { escapeHtml } from './escape-html'
import type { RenderModel } from './render-model'

/** Width and height attributes for a photo shown `width` pixels wide (3:2 when unknown). */
export function photoDimensions(model: RenderModel, photo: Photo, width: number) {
  const size = model.photoSize?.(photo.mediaId)
  const height = size ? Math.round((width * size.height) / size.width) : Math.round((width * 2) / 3)
  return { width, height }
}

/** The alt attribute: the Alternativtext, or empty for decorative photos. */
export const photoAlt = (photo: Photo) => escapeHtml(photo.decorative ? '' : photo.alt)

/** An image address that may appear in an export: http(s) only. */
export function safeImageUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null
}
