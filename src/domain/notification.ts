import { z } from 'zod'
import { idSchema } from './clean-text'

export const notificationKindSchema = z.enum([
  'issue_submitted',
  'issue_approved',
  'changes_requested',
])
/** What a notification tells (comments and mentions add their kinds later). */
export type NotificationKind = z.infer<typeof notificationKindSchema>

/** A notification as stored: for one person, about one step of one issue. */
export interface StoredNotification {
  id: string
  recipientId: string
  kind: NotificationKind
  issueId: string
  actorId: string
  createdAt: string
  readAt: string | null
}

export const notificationSchema = z.object({
  id: idSchema(),
  kind: notificationKindSchema,
  issueId: idSchema(),
  actorId: idSchema(),
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

const verbs: Record<NotificationKind, string> = {
  issue_submitted: 'zur Freigabe eingereicht',
  issue_approved: 'freigegeben',
  changes_requested: 'zur Überarbeitung zurückgegeben',
}

/** The sentence of a notification: "Sandra Wanzar hat „August 2018“ freigegeben". */
export function notificationText(kind: NotificationKind, actorName: string, issueLabel: string) {
  return `${actorName} hat „${issueLabel}“ ${verbs[kind]}`
}

/** The app page a notification leads to: the issue's page. */
export const notificationLink = (issueId: string) => `/ausgaben/${encodeURIComponent(issueId)}`

/** Who is told about a workflow step: the Dezernentin of a submission, the Redaktion otherwise. */
export function notificationRecipientRole(kind: NotificationKind): 'head' | 'editor' {
  return kind === 'issue_submitted' ? 'head' : 'editor'
}
