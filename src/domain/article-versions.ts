import { z } from 'zod'
import { photoSchema, type Article } from './article'
import { idSchema, versionSchema } from './clean-text'
import { plainText, richTextDocSchema } from './rich-text'
import { isEmptyArticle } from './trash'
import { countText } from './word-count'

/** A save this long after the previous one starts a new editing session: the old state is kept. */
export const versionPauseMs = 10 * 60 * 1000

export const articleVersionReasonSchema = z.enum([
  'pause',
  'status',
  'submitted',
  'approved',
  'before_restore',
  'restored',
])
/** Why a version was kept (see docs/decisions/0013-article-versions.md). */
export type ArticleVersionReason = z.infer<typeof articleVersionReasonSchema>

export const articleVersionReasonLabels: Record<ArticleVersionReason, string> = {
  pause: 'Stand vor einer Bearbeitungspause',
  status: 'Status geändert',
  submitted: 'Ausgabe eingereicht',
  approved: 'Ausgabe freigegeben',
  before_restore: 'Stand vor dem Wiederherstellen',
  restored: 'Wiederhergestellt',
}

export const articleVersionSchema = z.object({
  articleId: idSchema(),
  number: z.number().int().positive(),
  headline: z.string(),
  body: richTextDocSchema,
  photos: z.array(photoSchema),
  createdAt: z.iso.datetime(),
  createdBy: idSchema(),
  reason: articleVersionReasonSchema,
  /** For `restored`: the number of the version whose content was restored. */
  restoredFrom: z.number().int().positive().nullable(),
})
/** A kept state of an article's content: headline, text and photos, numbered per article from 1. */
export type ArticleVersion = z.infer<typeof articleVersionSchema>

export const articleVersionSummarySchema = articleVersionSchema
  .pick({ number: true, createdAt: true, createdBy: true, reason: true, restoredFrom: true })
  .extend({ wordCount: z.number().int().nonnegative() })
/** A version as the list shows it: who, when, why, and how long the text was. */
export type ArticleVersionSummary = z.infer<typeof articleVersionSummarySchema>

export const restoreVersionInputSchema = z.object({
  /** The article's current `version` (not the number of the version to restore). */
  version: versionSchema(),
})
export type RestoreVersionInput = z.infer<typeof restoreVersionInputSchema>

/** The part of an article that a version keeps. */
export type VersionContent = Pick<Article, 'headline' | 'body' | 'photos'>

/** A version still to be stored (the store gives it its number). */
export type NewArticleVersion = Omit<ArticleVersion, 'number'>

type SavedState = VersionContent & Pick<Article, 'id' | 'status' | 'updatedAt' | 'updatedBy'>

const contentOf = ({ headline, body, photos }: VersionContent): VersionContent => ({
  headline,
  body,
  photos,
})

/** Whether two states have the same headline, text and photos (marks and order included). */
export function sameVersionContent(a: VersionContent, b: VersionContent): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b))
}

/** The words of a version's text, counted as the editor's counter counts them (without headline). */
export function versionWordCount(content: Pick<VersionContent, 'body'>): number {
  return countText(plainText(content.body)).words
}

export function summariseVersion(version: ArticleVersion): ArticleVersionSummary {
  const { number, createdAt, createdBy, reason, restoredFrom } = version
  return {
    number,
    createdAt,
    createdBy,
    reason,
    restoredFrom,
    wordCount: versionWordCount(version),
  }
}

/**
 * Whether the stored state is the end of an editing session that `save` starts a new one after:
 * the last save was by someone else, or `versionPauseMs` or longer ago.
 */
export function endsEditingSession(
  lastSave: { at: string; by: string },
  save: { at: string; by: string },
): boolean {
  if (lastSave.by !== save.by) return true
  return new Date(save.at).getTime() - new Date(lastSave.at).getTime() >= versionPauseMs
}

/**
 * The stored state as a version, unless nothing in it would be lost: it is empty, or the latest
 * version holds the same content already.
 */
function keepStoredState(
  stored: SavedState,
  latest: VersionContent | null,
  reason: 'pause' | 'before_restore',
): NewArticleVersion[] {
  if (isEmptyArticle(stored)) return []
  if (latest && sameVersionContent(latest, stored)) return []
  return [
    {
      articleId: stored.id,
      ...contentOf(stored),
      // the state is theirs who saved it last, as of that save
      createdAt: stored.updatedAt,
      createdBy: stored.updatedBy,
      reason,
      restoredFrom: null,
    },
  ]
}

/** Whether `versionsForSave` can keep anything (so the latest version need not be read otherwise). */
export function saveMayKeepVersion(stored: SavedState, saved: SavedState): boolean {
  return (
    stored.status !== saved.status ||
    endsEditingSession(
      { at: stored.updatedAt, by: stored.updatedBy },
      { at: saved.updatedAt, by: saved.updatedBy },
    )
  )
}

/**
 * The versions a save (autosave or "Als fertig markieren") keeps, oldest first:
 * - `pause`: the stored state before the save, when the save starts a new editing session
 *   (`endsEditingSession`) and that state is neither empty nor the latest version's content;
 * - `status`: the saved state, when the save changed the status (by request or because
 *   something is missing now). A pause version with the same content is left out then.
 * Any other save keeps nothing: autosaves within one session only change the current state.
 */
export function versionsForSave(input: {
  latest: VersionContent | null
  stored: SavedState
  saved: SavedState
}): NewArticleVersion[] {
  const { latest, stored, saved } = input
  const statusChanged = saved.status !== stored.status
  const pause = endsEditingSession(
    { at: stored.updatedAt, by: stored.updatedBy },
    { at: saved.updatedAt, by: saved.updatedBy },
  )
    ? keepStoredState(stored, latest, 'pause')
    : []
  if (!statusChanged) return pause
  const status = milestoneVersion(saved, 'status', { at: saved.updatedAt, by: saved.updatedBy })
  return sameVersionContent(stored, saved) ? [status] : [...pause, status]
}

/** The version that a submission, an approval or a status change keeps of the article as it is. */
export function milestoneVersion(
  article: VersionContent & Pick<Article, 'id'>,
  reason: 'status' | 'submitted' | 'approved',
  by: { at: string; by: string },
): NewArticleVersion {
  return {
    articleId: article.id,
    ...contentOf(article),
    createdAt: by.at,
    createdBy: by.by,
    reason,
    restoredFrom: null,
  }
}

/**
 * The versions a restore keeps, oldest first: the state it replaces (`before_restore`, unless
 * empty or the latest version's content, so nothing typed is lost), then the restored content
 * (`restored`, naming the version it came from). No version is ever removed.
 */
export function versionsForRestore(input: {
  latest: VersionContent | null
  stored: SavedState
  restoring: ArticleVersion
  by: { at: string; by: string }
}): NewArticleVersion[] {
  const { latest, stored, restoring, by } = input
  return [
    ...keepStoredState(stored, latest, 'before_restore'),
    {
      articleId: stored.id,
      ...contentOf(restoring),
      createdAt: by.at,
      createdBy: by.by,
      reason: 'restored',
      restoredFrom: restoring.number,
    },
  ]
}
