import { z } from 'zod'
import { cleanString, idSchema } from './clean-text'

/** MIME types an upload may have, checked against the file's content. */
export const allowedImageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
export type ImageType = (typeof allowedImageTypes)[number]

/** Largest accepted upload in bytes (10 MB). */
export const maxUploadBytes = 10 * 1024 * 1024

/** Longest file name of an upload (most file systems allow 255). */
export const maxFileNameLength = 255

/** The name of an uploaded file: clean, not empty, at most `maxFileNameLength` characters. */
export const fileNameSchema = cleanString()
  .min(1, { message: 'Die Datei hat keinen Namen.' })
  .max(maxFileNameLength, {
    message: `Der Dateiname darf höchstens ${maxFileNameLength} Zeichen lang sein.`,
  })

export const mediaSchema = z.object({
  id: idSchema(),
  // stored names may predate the length limit of uploads
  fileName: cleanString().min(1),
  mimeType: z.enum(allowedImageTypes),
  byteSize: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  url: cleanString().min(1),
  createdAt: z.iso.datetime(),
})
export type Media = z.infer<typeof mediaSchema>

/**
 * The sizes the server makes of every photo (the original is kept as uploaded): e-mail at 600 px
 * and its double for high-density screens, the web (archive) and print. Each is fitted inside a
 * square of that many pixels, never enlarged, upright (EXIF orientation applied) and without
 * metadata such as the location.
 */
export const mediaVariantWidths = { email: 600, email2x: 1200, web: 1600, print: 3000 } as const
export type MediaVariantName = keyof typeof mediaVariantWidths
export const mediaVariantNames = Object.keys(mediaVariantWidths) as MediaVariantName[]

/** Path of a photo's file, or of one of its variants, below the server's public address. */
export function mediaFilePath(mediaId: string, variant?: MediaVariantName): string {
  const file = `/api/media/${encodeURIComponent(mediaId)}/file`
  return variant ? `${file}/${variant}` : file
}
