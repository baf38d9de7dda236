import { z } from 'zod'
import { articleStatusSchema, photoSchema } from '../../../domain/article'
import { richTextDocSchema } from '../../../domain/rich-text'
import { draftStorageKey, mayKeepDrafts } from '../../../lib/draft-storage'

export const articleDraftSchema = z.object({
  headline: z.string(),
  body: richTextDocSchema,
  photos: z.array(photoSchema),
})
/** What the editor holds of an article: everything the author can change by typing. */
export type ArticleDraft = z.infer<typeof articleDraftSchema>

const mirroredDraftSchema = z.object({
  draft: articleDraftSchema,
  status: articleStatusSchema.optional(),
  baseVersion: z.number().int().positive(),
  changedAt: z.iso.datetime(),
})
/** An unsaved draft kept locally, with the server version it was based on. */
export type MirroredDraft = z.infer<typeof mirroredDraftSchema>

/** Local copy of unsaved drafts, so that nothing typed is lost on reload, crash or network loss. */
export interface DraftMirror {
  read(articleId: string): MirroredDraft | null
  write(articleId: string, draft: MirroredDraft): void
  clear(articleId: string): void
}

/**
 * The draft mirror in localStorage, per person (removed at "Abmelden"); unreadable entries are
 * ignored, never thrown.
 */
export function localDraftMirror(userId: string, storage: Storage = localStorage): DraftMirror {
  const key = (articleId: string) => draftStorageKey(userId, articleId)
  return {
    read(articleId) {
      const raw = storage.getItem(key(articleId))
      if (!raw) return null
      try {
        const parsed = mirroredDraftSchema.safeParse(JSON.parse(raw))
        return parsed.success ? parsed.data : null
      } catch {
        return null
      }
    },
    write(articleId, draft) {
      if (mayKeepDrafts(userId)) storage.setItem(key(articleId), JSON.stringify(draft))
    },
    clear(articleId) {
      storage.removeItem(key(articleId))
    },
  }
}
