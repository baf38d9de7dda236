import type { Issue } from '../domain/issue'
import {
  commentNotificationLink,
  notificationLink,
  notificationListLimit,
  notificationListSchema,
  notificationRecipientRole,
  storedNotificationText,
  type Notification,
  type CommentNotificationKind,
  type StoredNotification,
  type WorkflowNotificationKind,
} from '../domain/notification'
import { notificationSettingsPath, wantsEmail } from '../domain/notification-settings'
import type { User } from '../domain/user'
import type { HandlerDeps } from './context'
import {
  addDescribedRoute,
  contractRoutes,
  describeRoute,
  idParams,
  jsonAnswer,
  notFoundAnswer,
  unauthenticatedAnswer,
} from './contract'
import { composeNotificationMail } from './mail/notification-mail'
import { notFound } from './problem'
import type { StoreTx } from './store'

/**
 * Stores notifications and, when the server sends mail, puts an e-mail for each recipient who
 * wants one into the notification mail queue, in the same transaction: a rolled-back step mails
 * nobody, and the request never waits for SMTP (docs/decisions/0016-reminders.md).
 */
export async function deliverNotifications(
  deps: Pick<HandlerDeps, 'mail' | 'publicUrl' | 'newId'>,
  tx: StoreTx,
  notifications: readonly StoredNotification[],
): Promise<void> {
  await tx.insertNotifications(notifications)
  if (!deps.mail || notifications.length === 0) return
  const baseUrl = deps.publicUrl ?? deps.mail.list.publicUrl
  const settings = new Map(
    (await tx.listNotificationSettings()).map((entry) => [entry.userId, entry]),
  )
  const [described, users] = await Promise.all([
    describeNotifications(tx, notifications),
    tx.listUsers(),
  ])
  const names = new Map(users.map((user) => [user.id, user.name]))
  const mails = []
  for (const [index, notification] of described.entries()) {
    const recipientId = notifications[index]?.recipientId
    const recipient = recipientId ? settings.get(recipientId) : undefined
    if (!recipientId || !recipient || !wantsEmail(recipient)) continue
    mails.push({
      id: deps.newId(),
      notificationId: notification.id,
      to: recipient.email,
      createdAt: notification.createdAt,
      ...composeNotificationMail({
        recipientName: names.get(recipientId) ?? '',
        text: notification.text,
        link: `${baseUrl}${notification.link}`,
        settingsLink: `${baseUrl}${notificationSettingsPath}`,
      }),
    })
  }
  await tx.insertNotificationMails(mails)
}

/**
 * Tells everyone of the step's recipient role about a workflow step, in the step's transaction
 * (see docs/decisions/0014-notifications.md); never the person who took the step.
 */
export async function notifyWorkflowStep(
  deps: Pick<HandlerDeps, 'mail' | 'publicUrl' | 'newId' | 'now'>,
  tx: StoreTx,
  step: { kind: WorkflowNotificationKind; issueId: string; actor: User },
): Promise<void> {
  const role = notificationRecipientRole(step.kind)
  const createdAt = deps.now().toISOString()
  const recipients = (await tx.listUsers()).filter(
    (user) => user.role === role && user.id !== step.actor.id,
  )
  await deliverNotifications(
    deps,
    tx,
    recipients.map((recipient) => ({
      id: deps.newId(),
      recipientId: recipient.id,
      kind: step.kind,
      issueId: step.issueId,
      articleId: null,
      threadId: null,
      actorId: step.actor.id,
      createdAt,
      readAt: null,
    })),
  )
}

/**
 * Tells people about a comment, in the comment's transaction: each person it mentions, and
 * (for a reply) everyone else who wrote in the thread; one notification per person, a mention
 * before a reply, never the author.
 */
export async function notifyComment(
  deps: HandlerDeps,
  tx: StoreTx,
  comment: {
    articleId: string
    threadId: string
    actor: User
    mentioned: readonly User[]
    participants: readonly string[]
  },
): Promise<void> {
  const kinds = new Map<string, CommentNotificationKind>()
  for (const user of comment.mentioned) kinds.set(user.id, 'comment_mention')
  for (const id of comment.participants) if (!kinds.has(id)) kinds.set(id, 'comment_reply')
  kinds.delete(comment.actor.id)
  const people = new Set((await tx.listUsers()).map((user) => user.id))
  const createdAt = deps.now().toISOString()
  await deliverNotifications(
    deps,
    tx,
    [...kinds]
      .filter(([recipientId]) => people.has(recipientId))
      .map(([recipientId, kind]) => ({
        id: deps.newId(),
        recipientId,
        kind,
        issueId: null,
        articleId: comment.articleId,
        threadId: comment.threadId,
        actorId: comment.actor.id,
        createdAt,
        readAt: null,
      })),
  )
}

const notificationListComponent = notificationListSchema.meta({ id: 'NotificationList' })

const listRoute = describeRoute({
  method: 'get',
  path: '/notifications',
  summary: "The caller's notifications, newest first (at most 50), with the count of unread ones",
  responses: {
    200: jsonAnswer(notificationListComponent, 'The notifications and `unread`'),
    ...unauthenticatedAnswer,
  },
})

const readRoute = describeRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  summary: 'Marks one of the caller’s notifications as read',
  request: { params: idParams },
  responses: {
    204: { description: 'Read (also when it was read already)' },
    ...unauthenticatedAnswer,
    ...notFoundAnswer('No such notification of the caller (`/probleme/nicht-gefunden`).'),
  },
})

const readAllRoute = describeRoute({
  method: 'post',
  path: '/notifications/read-all',
  summary: "Marks all of the caller's notifications as read",
  responses: {
    204: { description: 'All read' },
    ...unauthenticatedAnswer,
  },
})

/** The notifications as the bell shows them: with the sentence built from names and labels. */
async function describeNotifications(
  tx: StoreTx,
  stored: readonly StoredNotification[],
): Promise<Notification[]> {
  const names = new Map((await tx.listUsers()).map((user) => [user.id, user.name]))
  const labels = new Map<string, string>()
  for (const notification of stored) {
    if (notification.issueId !== null && !labels.has(notification.issueId)) {
      const issue: Issue | null = await tx.getIssue(notification.issueId)
      labels.set(notification.issueId, issue?.label ?? 'eine Ausgabe')
    }
    if (notification.articleId !== null && !labels.has(notification.articleId)) {
      const article = await tx.getArticle(notification.articleId)
      labels.set(notification.articleId, article?.headline || 'Ohne Überschrift')
    }
  }
  return stored.map((notification) => {
    const subject = notification.articleId ?? notification.issueId ?? ''
    return {
      id: notification.id,
      kind: notification.kind,
      issueId: notification.issueId,
      articleId: notification.articleId,
      threadId: notification.threadId,
      actorId: notification.actorId,
      ...(notification.reminder ? { reminder: notification.reminder } : {}),
      text: storedNotificationText(
        notification,
        (notification.actorId !== null ? names.get(notification.actorId) : undefined) ?? 'Jemand',
        labels.get(subject) ?? 'eine Ausgabe',
      ),
      link:
        notification.articleId !== null && notification.threadId !== null
          ? commentNotificationLink(notification.articleId, notification.threadId)
          : notificationLink(subject),
      createdAt: notification.createdAt,
      readAt: notification.readAt,
    }
  })
}

/** The caller's own notifications: list, mark one read, mark all read. */
export function notificationRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  addDescribedRoute(routes, listRoute, async (c) => {
    const user = c.get('user')
    const list = await deps.store.transaction(async (tx) => ({
      notifications: await describeNotifications(
        tx,
        await tx.listNotifications(user.id, notificationListLimit),
      ),
      unread: await tx.countUnreadNotifications(user.id),
    }))
    return c.json(list)
  })
  addDescribedRoute(routes, readAllRoute, async (c) => {
    const user = c.get('user')
    await deps.store.transaction((tx) =>
      tx.markAllNotificationsRead(user.id, deps.now().toISOString()),
    )
    return c.body(null, 204)
  })
  addDescribedRoute(routes, readRoute, async (c) => {
    const user = c.get('user')
    const id = idParams.shape.id.safeParse(c.req.param('id'))
    const found =
      id.success &&
      (await deps.store.transaction((tx) =>
        tx.markNotificationRead(id.data, user.id, deps.now().toISOString()),
      ))
    if (!found) throw notFound('Diese Benachrichtigung')
    return c.body(null, 204)
  })
  return routes
}
