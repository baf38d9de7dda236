import { z } from 'zod'
import { articleSchema } from './article'
import { cleanString, idSchema, requiredText, versionSchema } from './clean-text'
import { richTextDocSchema } from './rich-text'
import type { User } from './user'

/** Longest comment text the form and the API accept. */
export const maxCommentLength = 5000
/** Longest quote (the anchored text) kept with a thread; a longer selection is shortened. */
export const maxCommentQuoteLength = 1000

export const commentTextSchema = requiredText({
  maxLength: maxCommentLength,
  missing: 'Bitte schreiben Sie einen Kommentar.',
  noun: 'Der Kommentar',
})

export const commentSchema = z.object({
  id: idSchema(),
  threadId: idSchema(),
  authorId: idSchema(),
  text: cleanString(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
})
/** One comment of a thread; the first one opened the thread. */
export type Comment = z.infer<typeof commentSchema>

export const commentThreadSchema = z.object({
  id: idSchema(),
  articleId: idSchema(),
  /** The text the thread was anchored to when it was opened. */
  quote: cleanString(),
  createdBy: idSchema(),
  createdAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: idSchema().nullable(),
  /** Oldest first; the first comment opened the thread. */
  comments: z.array(commentSchema),
})
/** A comment thread on a passage of an article ("Erledigt" when `resolvedAt` is set). */
export type CommentThread = z.infer<typeof commentThreadSchema>

/** A thread as stored, without its comments. */
export type StoredCommentThread = Omit<CommentThread, 'comments'>

export const createCommentThreadInputSchema = z.object({
  /** The new thread's id: the editor put it into the anchor mark of `body` already. */
  threadId: idSchema(),
  text: commentTextSchema,
  /** The article's body with the new anchor mark; its text must be the stored one. */
  body: richTextDocSchema,
  /** The article version the anchor was set on. */
  version: versionSchema(),
})
export type CreateCommentThreadInput = z.infer<typeof createCommentThreadInputSchema>

export const createCommentThreadResultSchema = z.object({
  thread: commentThreadSchema,
  /** The article with the anchor, `version + 1`: the editor adopts it. */
  article: articleSchema,
})
export type CreateCommentThreadResult = z.infer<typeof createCommentThreadResultSchema>

/** What deleting a comment changed besides: the article, when its body lost the thread's anchor. */
export const commentDeletionResultSchema = z.object({
  /** The article without the deleted thread's anchor, `version + 1`; null: the body is as it was. */
  article: articleSchema.nullable(),
})
export type CommentDeletionResult = z.infer<typeof commentDeletionResultSchema>

export const commentInputSchema = z.object({ text: commentTextSchema })
export type CommentInput = z.infer<typeof commentInputSchema>

/** Open threads per article id (articles without open threads are left out). */
export const openCommentCountsSchema = z.record(idSchema(), z.number().int().positive())
export type OpenCommentCounts = z.infer<typeof openCommentCountsSchema>

/** Every role may open a thread, reply, and mark a thread "Erledigt" or open it again. */
export const mayComment = (_user: Pick<User, 'role'>) => true

/** Only the author edits or deletes a comment. */
export const mayChangeComment = (user: Pick<User, 'id'>, comment: Pick<Comment, 'authorId'>) =>
  user.id === comment.authorId

export const notOwnCommentMessage = 'Sie können nur Ihre eigenen Kommentare ändern oder löschen.'

/**
 * What deleting a comment does. Deleting the only comment of a thread deletes the thread (and
 * its anchor goes with the next save of the text, or stays unused). The first comment of a
 * thread with replies is refused: the replies would answer nothing (edit it or mark the thread
 * "Erledigt" instead). A reply is deleted by itself.
 */
export function commentDeletion(
  thread: { comments: readonly Pick<Comment, 'id'>[] },
  commentId: string,
): 'thread' | 'comment' | 'refused' {
  const index = thread.comments.findIndex((comment) => comment.id === commentId)
  if (index === 0) return thread.comments.length === 1 ? 'thread' : 'refused'
  return 'comment'
}

export const firstCommentWithRepliesMessage =
  'Der erste Kommentar eines Gesprächs mit Antworten kann nicht gelöscht werden. Sie können ihn bearbeiten oder das Gespräch als erledigt markieren.'

/** The quote kept with a new thread: the anchored text, shortened when it is very long. */
export function threadQuote(anchoredText: string): string {
  const text = anchoredText.replace(/\s+/g, ' ').trim()
  return text.length <= maxCommentQuoteLength
    ? text
    : `${text.slice(0, maxCommentQuoteLength - 1).trimEnd()}…`
}

const letterOrDigit = /[\p{L}\p{N}]/u
/** Academic titles that may be left out after the @: "@Frank Rühling" for "Dr. Frank Rühling". */
const titlePrefix = /^(?:(?:Dr|Prof|Dipl)\.(?:-[\p{L}]+\.?)?\s+)+/u

/** The ways a person can be written after the @, longest first. */
function mentionNames(user: Pick<User, 'name'>): string[] {
  const name = user.name.trim().replace(/\s+/g, ' ')
  const withoutTitle = name.replace(titlePrefix, '')
  return withoutTitle !== name && withoutTitle.length > 0 ? [name, withoutTitle] : [name]
}

/**
 * The people a comment mentions: "@" followed by a person's full name (case and spacing aside,
 * a leading title like "Dr." may be left out), not followed by a letter or digit. Names contain
 * spaces, so the longest name that matches wins ("@Anna Maria Schulz" is not "@Anna Maria").
 * An "@" inside a word (an e-mail address) mentions nobody. Each person once, in order of
 * their first mention.
 */
export function mentionedUsers<U extends Pick<User, 'id' | 'name'>>(
  text: string,
  users: readonly U[],
): U[] {
  const candidates = users
    .flatMap((user) =>
      mentionNames(user).map((name) => ({ user, name: name.toLocaleLowerCase('de-DE') })),
    )
    .sort((a, b) => b.name.length - a.name.length)
  const found: U[] = []
  const normalised = text.replace(/\s+/g, ' ')
  const lower = normalised.toLocaleLowerCase('de-DE')
  for (let index = lower.indexOf('@'); index !== -1; index = lower.indexOf('@', index + 1)) {
    const before = normalised[index - 1]
    if (before !== undefined && letterOrDigit.test(before)) continue
    const rest = lower.slice(index + 1)
    const match = candidates.find(
      ({ name }) => rest.startsWith(name) && !letterOrDigit.test(rest.charAt(name.length)),
    )
    if (match && !found.includes(match.user)) found.push(match.user)
  }
  return found
}

/** Open threads of an article. */
export const openThreadCount = (threads: readonly Pick<CommentThread, 'resolvedAt'>[]) =>
  threads.filter((thread) => thread.resolvedAt === null).length
