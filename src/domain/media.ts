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

/**
 * The sizes the server makes of every photo (the original is kept as uploaded): e-mail at 600 px
 * and its double for high-density screens, the web (archive) and print. Each is fitted inside a
 * square of that many pixels, never enlarged, upright (EXIF orientation applied) and without
 * metadata such as the location.
 */
export const mediaVariantWidths = { email: 600, email2x: 1200, web: 1600, print: 3000 } as const
export type MediaVariantName = keyof typeof mediaVariantWidths
export const mediaVariantNames = Object.keys(mediaVariantWidths) as MediaVariantName[]

/** One size of a photo as the server stores it (see `mediaVariantWidths`). */
export const mediaVariantSchema = z.object({
  name: z.enum(mediaVariantNames as [MediaVariantName, ...MediaVariantName[]]),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  byteSize: z.number().int().nonnegative(),
  url: cleanString().min(1),
})
export type MediaVariant = z.infer<typeof mediaVariantSchema>

export const mediaSchema = z.object({
  id: idSchema(),
  // stored names may predate the length limit of uploads
  fileName: cleanString().min(1),
  mimeType: z.enum(allowedImageTypes),
  byteSize: z.number().int().nonnegative(),
  /** The size as the photo is seen: upright, with its EXIF orientation applied. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  url: cleanString().min(1),
  createdAt: z.iso.datetime(),
  /** The sizes made so far; empty for photos stored before variants existed (made on request). */
  variants: z.array(mediaVariantSchema).default([]),
})
export type Media = z.infer<typeof mediaSchema>

/** Whether a name from an address is one of the variants. */
export const isMediaVariantName = (name: string): name is MediaVariantName =>
  Object.hasOwn(mediaVariantWidths, name)

/**
 * Largest file of the e-mail variants (`email`, `email2x`): quality, and if need be the size, is
 * stepped down until the file fits, so that ten photos stay light on a phone's data plan.
 */
export const emailVariantMaxBytes = 150 * 1024

/** Variants that must fit `emailVariantMaxBytes`. */
export const emailVariantNames: readonly MediaVariantName[] = ['email', 'email2x']

/** Path of a photo's file, or of one of its variants, below the server's public address. */
export function mediaFilePath(mediaId: string, variant?: MediaVariantName): string {
  const file = `/api/media/${encodeURIComponent(mediaId)}/file`
  return variant ? `${file}/${variant}` : file
}
