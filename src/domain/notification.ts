import { z } from 'zod'
import { idSchema } from './clean-text'
import { reminderDetailSchema, reminderText, type ReminderDetail } from './reminder'

export const notificationKindSchema = z.enum([
  'issue_submitted',
  'issue_approved',
  'changes_requested',
  // comments (docs/decisions/0015-comments.md): about an article, not an issue
  'comment_mention',
  'comment_reply',
  'deadline_reminder',
])
/** What a notification tells. */
export type NotificationKind = z.infer<typeof notificationKindSchema>
/** The kinds about a step of an issue's workflow. */
export type WorkflowNotificationKind = 'issue_submitted' | 'issue_approved' | 'changes_requested'
export type CommentNotificationKind = 'comment_mention' | 'comment_reply'

/**
 * A notification as stored: for one person, about a step of an issue (`issueId`) or a comment
 * on an article (`articleId` and `threadId`; `issueId` null).
 */
export interface StoredNotification {
  id: string
  recipientId: string
  kind: NotificationKind
  issueId: string | null
  articleId: string | null
  threadId: string | null
  /** Who took the step or wrote the comment; null for a reminder, which nobody took. */
  actorId: string | null
  createdAt: string
  readAt: string | null
  /** What a `deadline_reminder` says (absent for the other kinds). */
  reminder?: ReminderDetail
}

export const notificationSchema = z.object({
  id: idSchema(),
  kind: notificationKindSchema,
  issueId: idSchema().nullable(),
  articleId: idSchema().nullable(),
  threadId: idSchema().nullable(),
  actorId: idSchema().nullable(),
  reminder: reminderDetailSchema.optional(),
  /** The German sentence the bell shows. */
  text: z.string(),
  /** The page the notification leads to (a path of the app). */
  link: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
})
export type Notification = z.infer<typeof notificationSchema>

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  /** The caller's unread notifications (all of them, not only those listed). */
  unread: z.number().int().nonnegative(),
})
export type NotificationList = z.infer<typeof notificationListSchema>

/** The most notifications one list returns, newest first. */
export const notificationListLimit = 50

const sentences: Record<
  WorkflowNotificationKind | CommentNotificationKind,
  (actorName: string, label: string) => string
> = {
  issue_submitted: (actor, label) => `${actor} hat „${label}“ zur Freigabe eingereicht`,
  issue_approved: (actor, label) => `${actor} hat „${label}“ freigegeben`,
  changes_requested: (actor, label) => `${actor} hat „${label}“ zur Überarbeitung zurückgegeben`,
  comment_mention: (actor, label) => `${actor} hat Sie in „${label}“ erwähnt`,
  comment_reply: (actor, label) => `${actor} hat auf einen Kommentar in „${label}“ geantwortet`,
}

/**
 * The sentence of a notification: "Sandra Wanzar hat „August 2018“ freigegeben"; `label` is the
 * issue's label, or the article's headline for a comment.
 */
export function notificationText(
  kind: WorkflowNotificationKind | CommentNotificationKind,
  actorName: string,
  label: string,
) {
  return sentences[kind](actorName, label)
}

/** The article page with the comment thread opened. */
export const commentNotificationLink = (articleId: string, threadId: string) =>
  `/beitraege/${encodeURIComponent(articleId)}?kommentar=${encodeURIComponent(threadId)}`

/**
 * The sentence of any stored notification, from the current names and the label of its issue
 * (or, for a comment, its article's headline).
 */
export function storedNotificationText(
  notification: Pick<StoredNotification, 'kind' | 'reminder'>,
  actorName: string,
  label: string,
): string {
  const { kind, reminder } = notification
  if (kind === 'deadline_reminder')
    return reminder ? reminderText(reminder, label) : `Redaktionsschluss für „${label}“`
  return notificationText(kind, actorName, label)
}

/** The app page a notification leads to: the issue's page. */
export const notificationLink = (issueId: string) => `/ausgaben/${encodeURIComponent(issueId)}`

/** Who is told about a workflow step: the Dezernentin of a submission, the Redaktion otherwise. */
export function notificationRecipientRole(kind: WorkflowNotificationKind): 'head' | 'editor' {
  return kind === 'issue_submitted' ? 'head' : 'editor'
}
