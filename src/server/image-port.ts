import {
  emailVariantMaxBytes,
  emailVariantNames,
  mediaVariantWidths,
  type ImageType,
  type MediaVariantName,
} from '../domain/media'

/** The file types of variants: JPEG for photos, PNG for images with transparency (the logo). */
export type VariantType = 'image/jpeg' | 'image/png'

/** One size of a photo: upright, fitted, without metadata. */
export interface ImageVariant {
  name: MediaVariantName
  mimeType: VariantType
  width: number
  height: number
  bytes: Uint8Array
}

/** What the image port makes of an upload. */
export interface MadeVariants {
  /** The size of the whole photo as it is seen (EXIF orientation applied). */
  width: number
  height: number
  variants: ImageVariant[]
}

/**
 * Makes the variants of a photo: sharp on the server and in tests, the browser's canvas in the
 * demo. Throws `UnreadableImage` when the file cannot be decoded or is too large to decode.
 */
export interface ImagePort {
  makeVariants(bytes: Uint8Array, mimeType: ImageType): Promise<MadeVariants>
}

/** The file looked like an image but cannot be decoded (broken, or too many pixels). */
export class UnreadableImage extends Error {
  constructor(
    readonly reason: 'broken' | 'too-many-pixels',
    options?: ErrorOptions,
  ) {
    super(reason === 'broken' ? 'Bild nicht lesbar' : 'Bild hat zu viele Pixel', options)
  }
}

/** Most pixels a photo may have (a 10 MB PNG could otherwise unpack to gigabytes). */
export const maxImagePixels = 100_000_000

/** The size of an image fitted inside a square of `box` pixels, never enlarged. */
export function fittedSize(width: number, height: number, box: number) {
  const factor = Math.min(1, box / Math.max(width, height))
  return {
    width: Math.max(1, Math.round(width * factor)),
    height: Math.max(1, Math.round(height * factor)),
  }
}

/** JPEG quality of the variants, and the steps down for the e-mail variants. */
export const jpegQualitySteps = [82, 70, 58, 46] as const

/**
 * At the lowest quality the e-mail variant shrinks: bytes grow with the area, so the side is
 * scaled by the square root of what is too much, a little further, and at least by 10 %.
 */
const shrinkFactor = (bytes: number, budget: number) =>
  Math.min(0.9, Math.sqrt(budget / bytes) * 0.95)

/**
 * Encodes one variant, stepping quality and then size down until an e-mail variant fits into
 * `emailVariantMaxBytes`. `encode` receives the target box and the quality (1–100).
 */
export async function encodeWithinBudget(
  name: MediaVariantName,
  encode: (box: number, quality: number) => Promise<Omit<ImageVariant, 'name'>>,
): Promise<ImageVariant> {
  const budget = emailVariantNames.includes(name) ? emailVariantMaxBytes : Infinity
  let box: number = mediaVariantWidths[name]
  let made: Omit<ImageVariant, 'name'> | null = null
  for (const quality of jpegQualitySteps) {
    made = await encode(box, quality)
    if (made.bytes.byteLength <= budget) return { name, ...made }
    // quality halves the bytes at best: far over the budget, only the size helps
    if (made.bytes.byteLength > 3 * budget) break
  }
  const lowest = jpegQualitySteps[jpegQualitySteps.length - 1] ?? 46
  while (made && made.bytes.byteLength > budget && box > 64) {
    const factor = shrinkFactor(made.bytes.byteLength, budget)
    box = Math.floor(Math.min(box, Math.max(made.width, made.height)) * factor)
    made = await encode(box, lowest)
  }
  if (!made) throw new Error('Keine Qualitätsstufe')
  return { name, ...made }
}
