/**
 * How long the server keeps what notifications leave behind (docs/decisions/0016-reminders.md).
 * Both hold personal data or only grow, so they are deleted once they have served their purpose.
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

const dayMs = 24 * 60 * 60 * 1000

/** What is past its retention at `now`: mails finished, and reminders for deadlines, before these. */
export function notificationHistoryCutoffs(now: Date): {
  mailsBefore: string
  remindersBefore: string
} {
  return {
    mailsBefore: new Date(now.getTime() - notificationMailRetentionDays * dayMs).toISOString(),
    remindersBefore: new Date(now.getTime() - reminderRecordGraceDays * dayMs).toISOString(),
  }
}
