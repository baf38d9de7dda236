import { z } from 'zod'
import { articleSchema, type Article } from './article'
import { idSchema } from './clean-text'
import { isBlankDoc } from './rich-text'

/** How long a deleted article waits in the Papierkorb before it is removed for good. */
export const trashRetentionDays = 30

const dayMs = 24 * 60 * 60 * 1000

export const trashedArticleSchema = articleSchema.extend({
  deletedAt: z.iso.datetime(),
  deletedBy: idSchema(),
  /** When the article is removed for good (`deletedAt` plus the retention). */
  purgeAt: z.iso.datetime(),
})
/** A Beitrag in the Papierkorb: who deleted it, when, and until when it can be restored. */
export type TrashedArticle = z.infer<typeof trashedArticleSchema>

/** The moment an article deleted at `deletedAt` is removed for good. */
export function trashPurgeAt(deletedAt: string): string {
  return new Date(new Date(deletedAt).getTime() + trashRetentionDays * dayMs).toISOString()
}

/** Articles deleted before this moment are past their retention and removed for good. */
export function trashPurgeBefore(now: Date): string {
  return new Date(now.getTime() - trashRetentionDays * dayMs).toISOString()
}

/** Whole days left (rounded up) until an article in the Papierkorb is removed for good. */
export function daysUntilPurge(purgeAt: string, now: Date): number {
  return Math.max(0, Math.ceil((new Date(purgeAt).getTime() - now.getTime()) / dayMs))
}

/**
 * Whether an article holds nothing anyone typed: no headline, no text, no photo. Such an article
 * (left behind by "Neuer Beitrag") is discarded for good, not put into the Papierkorb.
 */
export function isEmptyArticle(article: Pick<Article, 'headline' | 'body' | 'photos'>): boolean {
  return article.headline.trim() === '' && article.photos.length === 0 && isBlankDoc(article.body)
}

/** Why an article cannot be deleted, in German, or null when it can. */
export function deletionProblem(article: Pick<Article, 'issueId'>): string | null {
  return article.issueId === null
    ? null
    : 'Der Beitrag gehört zu einer Ausgabe. Bitte nehmen Sie ihn zuerst aus der Ausgabe heraus.'
}
