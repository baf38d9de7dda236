/**
 * How long the server keeps notifications and what they leave behind
 * (docs/decisions/0014-notifications.md, docs/decisions/0016-reminders.md). All of it holds
 * personal data or only grows, so it is deleted once it has served its purpose.
 */

/**
 * A sent or finally failed notification e-mail (a person's address and the message) is kept this
 * long after it was sent or given up: long enough to answer "did the mail go out, and why not?",
 * no longer, as the notification itself stays in the bell.
 */
export const notificationMailRetentionDays = 30

/**
 * A reminder's record only keeps it from being sent twice, and no reminder is due once its
 * deadline has passed (`dueReminderKind`). It is kept this long after the deadline, so that a
 * process whose clock is behind by less than that still finds it.
 */
export const reminderRecordGraceDays = 1

/**
 * A notification in the bell, once read, is kept this long after it was read: it can still be
 * found again for a quarter of a year, and the bell shows only the newest 50 anyway.
 */
export const readNotificationRetentionDays = 90

/**
 * A notification nobody read is kept this long after it was made: a year covers a long absence,
 * and what happened a year ago is no news any more.
 */
export const unreadNotificationRetentionDays = 365

const dayMs = 24 * 60 * 60 * 1000

/** What is past its retention at `now`: everything that happened before these moments. */
export interface NotificationHistoryCutoffs {
  /** Notification e-mails sent or given up before this. */
  mailsBefore: string
  /** Reminder records for deadlines before this. */
  remindersBefore: string
  /** Notifications read before this. */
  readNotificationsBefore: string
  /** Unread notifications made before this. */
  unreadNotificationsBefore: string
}

export function notificationHistoryCutoffs(now: Date): NotificationHistoryCutoffs {
  const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs).toISOString()
  return {
    mailsBefore: daysAgo(notificationMailRetentionDays),
    remindersBefore: daysAgo(reminderRecordGraceDays),
    readNotificationsBefore: daysAgo(readNotificationRetentionDays),
    unreadNotificationsBefore: daysAgo(unreadNotificationRetentionDays),
  }
}
