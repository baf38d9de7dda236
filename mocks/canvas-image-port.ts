import { mediaVariantNames, type ImageType } from '../src/domain/media'
import {
  encodeWithinBudget,
  fittedSize,
  jpegQualitySteps,
  maxImagePixels,
  UnreadableImage,
  type ImagePort,
  type ImageVariant,
  type MadeVariants,
} from '../src/server/image-port'

const highestQuality = jpegQualitySteps[0]

/** Whether any pixel of the image is not fully opaque (a logo on transparent ground). */
function hasTransparency(bitmap: ImageBitmap): boolean {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return false
  context.drawImage(bitmap, 0, 0)
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height)
  for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] !== 255) return true
  return false
}

/**
 * The image port of the browser demo: the browser decodes the photo upright (EXIF orientation
 * applied) and the canvas encodes each size anew, which leaves every metadata behind. PNG files
 * with transparency stay PNG (the canvas has no quality for PNG: only the size steps down).
 */
export const canvasImagePort: ImagePort = {
  async makeVariants(bytes: Uint8Array, mimeType: ImageType): Promise<MadeVariants> {
    let bitmap: ImageBitmap
    try {
      bitmap = await createImageBitmap(new Blob([bytes.slice()], { type: mimeType }), {
        imageOrientation: 'from-image',
      })
    } catch (error) {
      throw new UnreadableImage('broken', { cause: error })
    }
    try {
      if (bitmap.width * bitmap.height > maxImagePixels)
        throw new UnreadableImage('too-many-pixels')
      const keepPng = mimeType !== 'image/jpeg' && hasTransparency(bitmap)
      const variants: ImageVariant[] = []
      for (const name of mediaVariantNames) {
        variants.push(
          await encodeWithinBudget(name, async (box, quality) => {
            const { width, height } = fittedSize(bitmap.width, bitmap.height, box)
            const canvas = new OffscreenCanvas(width, height)
            const context = canvas.getContext('2d')
            if (!context) throw new UnreadableImage('broken')
            context.imageSmoothingQuality = 'high'
            if (!keepPng) {
              // JPEG has no transparency: what is transparent in a PNG or WebP becomes white
              context.fillStyle = '#fff'
              context.fillRect(0, 0, width, height)
            }
            context.drawImage(bitmap, 0, 0, width, height)
            const blob = await canvas.convertToBlob(
              keepPng
                ? { type: 'image/png' }
                : { type: 'image/jpeg', quality: Math.min(quality, highestQuality) / 100 },
            )
            return {
              mimeType: keepPng ? 'image/png' : 'image/jpeg',
              width,
              height,
              bytes: new Uint8Array(await blob.arrayBuffer()),
            }
          }),
        )
      }
      return { width: bitmap.width, height: bitmap.height, variants }
    } finally {
      bitmap.close()
    }
  },
}
