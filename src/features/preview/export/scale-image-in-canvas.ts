import type { EmbeddedImage, ImageRequest } from '../../../render/embedded-image'

/** Re-encodes a photo at most as large as `request` allows; the browser's canvas does the work. */
export type ScaleImage = (original: Blob, request: ImageRequest) => Promise<EmbeddedImage>

const jpegQuality = 0.85

/** Scales an image down in a canvas (never up) and encodes it as JPEG (photos) or PNG (logo). */
export const scaleImageInCanvas: ScaleImage = async (original, request) => {
  const bitmap = await createImageBitmap(original)
  const factor = Math.min(1, request.maxWidth / bitmap.width, request.maxHeight / bitmap.height)
  const width = Math.max(1, Math.round(bitmap.width * factor))
  const height = Math.max(1, Math.round(bitmap.height * factor))
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('Dieser Browser kann Bilder nicht verkleinern.')
  if (request.mimeType === 'image/jpeg') {
    // JPEG has no transparency: transparent parts would turn black
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
  }
  context.imageSmoothingQuality = 'high'
  context.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, request.mimeType, jpegQuality),
  )
  if (!blob) throw new Error('Ein Bild konnte nicht verkleinert werden.')
  return {
    mimeType: request.mimeType,
    bytes: new Uint8Array(await blob.arrayBuffer()),
    width,
    height,
  }
}
