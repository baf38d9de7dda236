import sharp, { type Metadata } from 'sharp'
import {
  emailVariantNames,
  mediaVariantNames,
  mediaVariantWidths,
  type ImageType,
} from '../../domain/media'
import {
  encodeWithinBudget,
  jpegQualitySteps,
  maxImagePixels,
  UnreadableImage,
  type ImagePort,
  type MadeVariants,
  type ImageVariant,
} from '../image-port'

// One libvips thread per operation and no operation cache: the server shares its cores with the
// database, and a photo's pixels should not stay in memory after its variants are made.
sharp.concurrency(1)
sharp.cache(false)

const highestQuality = jpegQualitySteps[0]

/** Photos are made one after another: ten uploads at once never hold ten decoded photos. */
let queue: Promise<unknown> = Promise.resolve()

/** The image port of the Node server and of the tests: sharp (libvips). */
export const sharpImagePort: ImagePort = {
  makeVariants(bytes: Uint8Array, mimeType: ImageType) {
    const next = queue.then(
      () => makeVariants(bytes, mimeType),
      () => makeVariants(bytes, mimeType),
    )
    queue = next.catch(() => undefined)
    return next
  },
}

async function makeVariants(bytes: Uint8Array, _mimeType: ImageType): Promise<MadeVariants> {
  let metadata: Metadata
  try {
    metadata = await sharp(bytes, { limitInputPixels: maxImagePixels }).metadata()
  } catch (error) {
    throw new UnreadableImage('broken', { cause: error })
  }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > maxImagePixels) {
    throw new UnreadableImage('too-many-pixels')
  }
  const { width, height } = metadata.autoOrient
  const variants: ImageVariant[] = []
  try {
    // an alpha channel that is opaque everywhere (a photo saved as PNG) is no reason to keep PNG
    const keepPng =
      metadata.hasAlpha &&
      !(await sharp(bytes, { limitInputPixels: maxImagePixels }).stats()).isOpaque
    // Decoded once, upright, at the largest variant's size; every variant is made from these pixels.
    const largest = Math.max(...mediaVariantNames.map((name) => mediaVariantWidths[name]))
    const pixels = await sharp(bytes, { limitInputPixels: maxImagePixels, failOn: 'error' })
      .autoOrient()
      .resize({ width: largest, height: largest, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
    const raw = {
      width: pixels.info.width,
      height: pixels.info.height,
      channels: pixels.info.channels,
    }
    const input = () => sharp(pixels.data, { raw })
    for (const name of mediaVariantNames) {
      variants.push(
        await encodeWithinBudget(name, async (box, quality) => {
          const resized = input().resize({
            width: box,
            height: box,
            fit: 'inside',
            withoutEnlargement: true,
          })
          const encoded = keepPng
            ? quality >= highestQuality
              ? resized.png({ compressionLevel: 9 })
              : resized.png({ compressionLevel: 9, palette: true, quality })
            : // mozjpeg saves a sixth of the bytes but takes ten times as long: worth it for
              // the e-mail sizes, which every reader loads, not for web and print
              resized.jpeg({ quality, mozjpeg: emailVariantNames.includes(name) })
          const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
          return {
            mimeType: keepPng ? 'image/png' : 'image/jpeg',
            width: info.width,
            height: info.height,
            bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
          }
        }),
      )
    }
  } catch (error) {
    throw new UnreadableImage('broken', { cause: error })
  }
  return { width, height, variants }
}
