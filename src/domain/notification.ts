import { z } from 'zod'
import { idSchema } from './clean-text'
import { reminderDetailSchema, reminderText, type ReminderDetail } from './reminder'

export const notificationKindSchema = z.enum([
  'issue_submitted',
  'issue_approved',
  'changes_requested',
  'deadline_reminder',
])
/** What a notification tells (comments and mentions add their kinds later). */
export type NotificationKind = z.infer<typeof notificationKindSchema>

/** A notification as stored: for one person, about one step of one issue. */
export interface StoredNotification {
  id: string
  recipientId: string
  kind: NotificationKind
  issueId: string
  /** Who took the step; null for a reminder, which nobody took. */
  actorId: string | null
  createdAt: string
  readAt: string | null
  /** What a `deadline_reminder` says (absent for the other kinds). */
  reminder?: ReminderDetail
}

export const notificationSchema = z.object({
  id: idSchema(),
  kind: notificationKindSchema,
  issueId: idSchema(),
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

type StepKind = Exclude<NotificationKind, 'deadline_reminder'>

const verbs: Record<StepKind, string> = {
  issue_submitted: 'zur Freigabe eingereicht',
  issue_approved: 'freigegeben',
  changes_requested: 'zur Überarbeitung zurückgegeben',
}

/** The sentence of a notification: "Sandra Wanzar hat „August 2018“ freigegeben". */
export function notificationText(kind: StepKind, actorName: string, issueLabel: string) {
  return `${actorName} hat „${issueLabel}“ ${verbs[kind]}`
}

/** The sentence of any stored notification, from the current names and the issue's label. */
export function storedNotificationText(
  notification: Pick<StoredNotification, 'kind' | 'reminder'>,
  actorName: string,
  issueLabel: string,
): string {
  const { kind, reminder } = notification
  if (kind === 'deadline_reminder')
    return reminder ? reminderText(reminder, issueLabel) : `Redaktionsschluss für „${issueLabel}“`
  return notificationText(kind, actorName, issueLabel)
}

/** The app page a notification leads to: the issue's page. */
export const notificationLink = (issueId: string) => `/ausgaben/${encodeURIComponent(issueId)}`

/** Who is told about a workflow step: the Dezernentin of a submission, the Redaktion otherwise. */
export function notificationRecipientRole(kind: StepKind): 'head' | 'editor' {
  return kind === 'issue_submitted' ? 'head' : 'editor'
}
