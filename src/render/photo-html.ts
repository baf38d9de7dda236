import type { Photo } from '../domain/article'
import { escapeHtml } from './escape-html'
import { photoSide, type LayoutSettings } from './layout'
import type { RenderModel } from './render-model'

/** The outputs that show photos, each with its own column width. */
export type PhotoOutput = 'web' | 'print' | 'email' | 'docx'

/** CSS pixel width of a photo across the full column and beside the text, per output. */
const photoWidths: Record<PhotoOutput, { full: number; side: number }> = {
  web: { full: 672, side: 302 },
  print: { full: 600, side: 270 },
  email: { full: 536, side: 232 },
  docx: { full: 600, side: 600 },
}

/** How wide (CSS pixels) a photo is shown in an output with this layout. */
export function photoWidth(output: PhotoOutput, layout: LayoutSettings): number {
  const widths = photoWidths[output]
  return photoSide(layout) ? widths.side : widths.full
}

/** Width and height attributes for a photo shown `width` pixels wide (3:2 when unknown). */
export function photoDimensions(model: RenderModel, photo: Photo, width: number) {
  const size = model.photoSize?.(photo.mediaId)
  const height = size ? Math.round((width * size.height) / size.width) : Math.round((width * 2) / 3)
  return { width, height }
}

/** The alt attribute: the Alternativtext, or empty for decorative photos. */
export const photoAlt = (photo: Photo) => escapeHtml(photo.decorative ? '' : photo.alt)

const embeddedImage = /^data:image\/(?:jpeg|png|webp|gif);base64,[a-z0-9+/]+=*$/i

/**
 * An image address that may appear in an export: http(s) or an image embedded as base64.
 */
export function safeImageUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) || embeddedImage.test(url) ? url : null
}
