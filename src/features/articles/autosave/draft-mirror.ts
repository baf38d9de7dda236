import { z } from 'zod'
import { articleStatusSchema, photoSchema } from '../../../domain/article'
import { richTextDocSchema } from '../../../domain/rich-text'

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

const key = (articleId: string) => `rundbrief.entwurf.${articleId}`

/** The draft mirror in localStorage; unreadable entries are ignored, never thrown. */
export function localDraftMirror(storage: Storage = localStorage): DraftMirror {
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
      storage.setItem(key(articleId), JSON.stringify(draft))
    },
    clear(articleId) {
      storage.removeItem(key(articleId))
    },
  }
}
