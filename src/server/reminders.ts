import type { StoredNotification } from '../domain/notification'
import { dueReminderKind, dueReminders } from '../domain/reminder'
import type { HandlerDeps } from './context'
import { deliverNotifications } from './notifications'

export type ReminderTickDeps = Pick<HandlerDeps, 'store' | 'now' | 'newId' | 'mail' | 'publicUrl'>

/**
 * One round of the reminders (docs/decisions/0016-reminders.md): for each issue with a reminder
 * due now, records each recipient's reminder by its key and, only when the key was new, makes
 * the notification (and its e-mail) in the same transaction. Several processes may run it at the
 * same moment: the key's unique index lets one of them make each reminder. Returns how many
 * reminders this round made.
 */
export async function runReminderTick(deps: ReminderTickDeps): Promise<number> {
  const now = deps.now()
  const candidates = (await deps.store.transaction((tx) => tx.listIssues())).filter(
    (issue) => dueReminderKind(issue.deadline, now) !== null,
  )
  let made = 0
  for (const candidate of candidates) {
    made += await deps.store.transaction(async (tx) => {
      const issue = await tx.getIssue(candidate.id)
      if (!issue) return 0
      const [articles, users, settings] = await Promise.all([
        tx.listArticles({ issueId: issue.id }),
        tx.listUsers(),
        tx.listNotificationSettings(),
      ])
      const remindersOn = new Map(settings.map((entry) => [entry.userId, entry.remindersEnabled]))
      const people = users.map((user) => ({
        id: user.id,
        role: user.role,
        remindersEnabled: remindersOn.get(user.id) ?? true,
      }))
      const due = dueReminders(issue, articles, people, now).sort((a, b) =>
        a.recipientId.localeCompare(b.recipientId),
      )
      const createdAt = now.toISOString()
      const fresh: StoredNotification[] = []
      for (const reminder of due) {
        const recorded = await tx.recordReminder({
          issueId: reminder.issueId,
          kind: reminder.kind,
          recipientId: reminder.recipientId,
          deadline: reminder.deadline,
          createdAt,
        })
        if (recorded)
          fresh.push({
            id: deps.newId(),
            recipientId: reminder.recipientId,
            kind: 'deadline_reminder',
            issueId: reminder.issueId,
            articleId: null,
            threadId: null,
            actorId: null,
            createdAt,
            readAt: null,
            reminder: reminder.detail,
          })
      }
      await deliverNotifications(deps, tx, fresh)
      return fresh.length
    })
  }
  return made
}
