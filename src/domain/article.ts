import { z } from 'zod'
import { cleanString, idSchema, versionSchema } from './clean-text'
import { richTextDocSchema } from './rich-text'

/** Longest headline the form accepts (the editorial check in the approval issue is stricter). */
export const maxHeadlineLength = 200

const maxText = (label: string, max: number) =>
  cleanString().max(max, { message: `${label} darf höchstens ${max} Zeichen lang sein.` })

export const photoSchema = z.object({
  mediaId: idSchema(),
  caption: maxText('Die Bildunterschrift', 1000),
  credit: maxText('Der Fotonachweis', 300),
  alt: maxText('Der Alternativtext', 1000),
  decorative: z.boolean(),
})
/** A photo of an article: Bildunterschrift (caption), Fotonachweis (credit), Alternativtext (alt). */
export type Photo = z.infer<typeof photoSchema>

export const articleStatusSchema = z.enum(['draft', 'ready'])
export type ArticleStatus = z.infer<typeof articleStatusSchema>

export const articleStatusLabels: Record<ArticleStatus, string> = {
  draft: 'Entwurf',
  ready: 'Fertig',
}

export const articleSchema = z.object({
  id: idSchema(),
  headline: cleanString().max(maxHeadlineLength),
  body: richTextDocSchema,
  photos: z.array(photoSchema),
  authorId: idSchema(),
  status: articleStatusSchema,
  issueId: idSchema().nullable(),
  version: versionSchema(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updatedBy: idSchema(),
})
/** A Beitrag. `issueId` is null while the article waits in the Themenspeicher. */
export type Article = z.infer<typeof articleSchema>

export const createArticleInputSchema = z.object({
  headline: cleanString()
    .trim()
    .max(maxHeadlineLength, {
      message: `Die Überschrift darf höchstens ${maxHeadlineLength} Zeichen lang sein.`,
    }),
  body: richTextDocSchema.optional(),
  photos: z.array(photoSchema).optional(),
})
export type CreateArticleInput = z.infer<typeof createArticleInputSchema>

export const updateArticleInputSchema = z.object({
  version: versionSchema(),
  headline: createArticleInputSchema.shape.headline.optional(),
  body: richTextDocSchema.optional(),
  photos: z.array(photoSchema).optional(),
  status: articleStatusSchema.optional(),
})
export type UpdateArticleInput = z.infer<typeof updateArticleInputSchema>

/**
 * The status an article gets with a save. Asking for "ready" while something is missing is
 * refused (the problems are returned); a ready article whose content no longer qualifies goes
 * back to "draft" instead of refusing the save, so that no edit is ever rejected for it.
 */
export function nextArticleStatus(
  current: ArticleStatus,
  requested: ArticleStatus | undefined,
  problems: string[],
): { status: ArticleStatus } | { refused: string[] } {
  if (requested === 'ready' && problems.length > 0) return { refused: problems }
  const wanted = requested ?? current
  return { status: wanted === 'ready' && problems.length > 0 ? 'draft' : wanted }
}
