import { photoWidth, type PhotoOutput } from './photo-html'
import type { LayoutSettings } from './layout'
import type { RenderModel } from './render-model'

/** A photo or logo as an export carries it: encoded at the size it is shown. */
export interface EmbeddedImage {
  mimeType: 'image/jpeg' | 'image/png'
  bytes: Uint8Array
  width: number
  height: number
}

/** One image an export needs and the box it is scaled into (never enlarged). */
export interface ImageRequest {
  mediaId: string
  maxWidth: number
  maxHeight: number
  /** JPEG for photos; PNG for the logo, which may be transparent. */
  mimeType: EmbeddedImage['mimeType']
}

/** Device pixels per CSS pixel an embedded image is made for: sharp on high-density screens. */
export const embeddedPixelDensity = 2

const logoHeight = 64

/** The images an output shows (article photos and logo), each with the size it is shown at. */
export function imagesToEmbed(
  model: RenderModel,
  layout: LayoutSettings,
  output: PhotoOutput,
): ImageRequest[] {
  const width = photoWidth(output, layout) * embeddedPixelDensity
  const photos = model.articles.flatMap((article) =>
    article.photos.map((photo): ImageRequest => ({
      mediaId: photo.mediaId,
      maxWidth: width,
      maxHeight: width * 4,
      mimeType: 'image/jpeg',
    })),
  )
  const logo: ImageRequest[] =
    layout.logoMediaId && output !== 'docx'
      ? [
          {
            mediaId: layout.logoMediaId,
            maxWidth: 600 * embeddedPixelDensity,
            maxHeight: logoHeight * embeddedPixelDensity,
            mimeType: 'image/png',
          },
        ]
      : []
  const seen = new Set<string>()
  return [...photos, ...logo].filter((request) => {
    if (seen.has(request.mediaId)) return false
    seen.add(request.mediaId)
    return true
  })
}

/** Bytes as base64 (in chunks: String.fromCharCode takes its bytes as arguments). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk))
  }
  return btoa(binary)
}

/** An embedded image as a data: URI for <img src>. */
export const dataUri = (image: EmbeddedImage) =>
  `data:${image.mimeType};base64,${bytesToBase64(image.bytes)}`

/**
 * The model an export renders from: photos from the public address when one is configured,
 * else embedded from `images` (as data: URIs unless `imageAddress` says otherwise); a photo that is in neither is left out (no address of the
 * editorial server ever reaches a download).
 */
export function exportModel(
  model: RenderModel,
  images: ReadonlyMap<string, EmbeddedImage>,
  imageAddress: (image: EmbeddedImage, mediaId: string) => string = dataUri,
): RenderModel {
  const { publicPhotoUrl } = model
  return {
    ...model,
    photoUrl: (mediaId) => {
      if (publicPhotoUrl) return publicPhotoUrl(mediaId)
      const image = images.get(mediaId)
      return image ? imageAddress(image, mediaId) : ''
    },
    photoSize: (mediaId) => {
      const image = images.get(mediaId)
      return image ? { width: image.width, height: image.height } : model.photoSize?.(mediaId)
    },
  }
}
