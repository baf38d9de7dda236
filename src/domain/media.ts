import { z } from 'zod'

/** MIME types an upload may have, checked against the file's content. */
export const allowedImageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
export type ImageType = (typeof allowedImageTypes)[number]

/** Largest accepted upload in bytes (10 MB). */
export const maxUploadBytes = 10 * 1024 * 1024

export const mediaSchema = z.object({
  id: z.string().min(1),
  fileName: z.string().min(1),
  mimeType: z.enum(allowedImageTypes),
  byteSize: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  url: z.string().min(1),
  createdAt: z.iso.datetime(),
})
export type Media = z.infer<typeof mediaSchema>
