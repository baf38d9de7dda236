import { z } from 'zod'
import type { Article } from './article'
import { berlinDate, berlinLocalToIso, isoToBerlinLocal } from './deadline'
import type { Issue, IssueStatus } from './issue'
import type { User } from './user'

/**
 * The reminders before a Redaktionsschluss: 3 days and 1 day before it, at the deadline's own
 * wall-clock time in Europe/Berlin (see docs/decisions/0016-reminders.md).
 */
export const reminderKindSchema = z.enum(['three_days', 'one_day'])
export type ReminderKind = z.infer<typeof reminderKindSchema>

/** Calendar days before the deadline; later kinds (fewer days) last, as they fall due. */
export const reminderDaysBefore: Record<ReminderKind, number> = { three_days: 3, one_day: 1 }
const kindsInOrder: readonly ReminderKind[] = ['three_days', 'one_day']

/** Whom a reminder speaks to: an author of unfinished articles, or the Redaktion. */
export const reminderAudienceSchema = z.enum(['author', 'editor'])
export type ReminderAudience = z.infer<typeof reminderAudienceSchema>

/** What a reminder notification says beyond its issue (stored with the notification). */
export const reminderDetailSchema = z.object({
  audience: reminderAudienceSchema,
  /** Berlin calendar days from the moment it was made to the deadline (0: today). */
  daysLeft: z.number().int().nonnegative(),
  /** Articles not ready: the author's own, or all of the issue's for the Redaktion. */
  openArticles: z.number().int().nonnegative(),
})
export type ReminderDetail = z.infer<typeof reminderDetailSchema>

/** The statuses in which an issue is not submitted yet: only then is anyone reminded. */
const remindedStatuses: readonly IssueStatus[] = ['draft', 'changes_requested']

/**
 * When a reminder is due: the deadline's Berlin wall-clock time, `days` calendar days earlier.
 * Across a change to or from summer time the gap is 71 or 73 hours, never a shifted hour on the
 * clock. A wall-clock time that does not exist that day (02:30 in the spring gap) is moved by the
 * same offset arithmetic as every Berlin time in Rundbrief (`berlinLocalToIso`).
 */
export function reminderTime(deadlineIso: string, kind: ReminderKind): string {
  const local = isoToBerlinLocal(deadlineIso)
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - reminderDaysBefore[kind])
  return berlinLocalToIso(`${day.toISOString().slice(0, 10)}${local.slice(10)}`)
}

/**
 * The reminder kind due for a deadline at `now`: the latest one whose time has come, while the
 * deadline has not passed. A reminder missed while the server was down is therefore sent late,
 * once, but never after the deadline, and never when the next one is due already.
 */
export function dueReminderKind(deadlineIso: string, now: Date): ReminderKind | null {
  if (now.getTime() >= new Date(deadlineIso).getTime()) return null
  let due: ReminderKind | null = null
  for (const kind of kindsInOrder)
    if (new Date(reminderTime(deadlineIso, kind)).getTime() <= now.getTime()) due = kind
  return due
}

/** Berlin calendar days from `now` to the deadline. */
export function berlinDaysLeft(deadlineIso: string, now: Date): number {
  const dayOf = (iso: string) => Date.parse(`${berlinDate(iso)}T00:00:00Z`) / 86_400_000
  return Math.max(0, dayOf(deadlineIso) - dayOf(now.toISOString()))
}

/** A person as the reminders see them: role and whether they want reminders. */
export interface ReminderPerson extends Pick<User, 'id' | 'role'> {
  remindersEnabled: boolean
}

/**
 * One reminder for one person. Its key is (issue, kind, recipient, deadline): a moved deadline
 * gives new keys, so the reminders of the old one, sent or not, never count for the new one.
 */
export interface DueReminder {
  issueId: string
  kind: ReminderKind
  recipientId: string
  /** The deadline the reminder was computed for (ISO, as stored in the issue). */
  deadline: string
  detail: ReminderDetail
}

/**
 * The reminders due for one issue at `now`: to each author of articles not ready, and to every
 * editor (the Redaktion) while the issue is not submitted. An editor who also wrote one of the
 * open articles gets the Redaktion's reminder only. People who switched reminders off get none.
 */
export function dueReminders(
  issue: Pick<Issue, 'id' | 'deadline' | 'status' | 'articleIds'>,
  articles: readonly Pick<Article, 'id' | 'authorId' | 'status'>[],
  people: readonly ReminderPerson[],
  now: Date,
): DueReminder[] {
  if (!remindedStatuses.includes(issue.status)) return []
  const kind = dueReminderKind(issue.deadline, now)
  if (!kind) return []
  const inIssue = new Set(issue.articleIds)
  const open = articles.filter((article) => inIssue.has(article.id) && article.status !== 'ready')
  const daysLeft = berlinDaysLeft(issue.deadline, now)
  const reminders: DueReminder[] = []
  for (const person of people) {
    if (!person.remindersEnabled) continue
    const own = open.filter((article) => article.authorId === person.id).length
    const detail: ReminderDetail | null =
      person.role === 'editor'
        ? { audience: 'editor', daysLeft, openArticles: open.length }
        : own > 0
          ? { audience: 'author', daysLeft, openArticles: own }
          : null
    if (detail)
      reminders.push({
        issueId: issue.id,
        kind,
        recipientId: person.id,
        deadline: issue.deadline,
        detail,
      })
  }
  return reminders
}

function whenText(daysLeft: number): string {
  if (daysLeft === 0) return 'heute'
  if (daysLeft === 1) return 'morgen'
  return `in ${daysLeft} Tagen`
}

function openText(detail: ReminderDetail): string {
  const count = detail.openArticles
  if (detail.audience === 'author')
    return count === 1
      ? 'Ihr Beitrag ist noch nicht fertig'
      : `${count} Ihrer Beiträge sind noch nicht fertig`
  if (count === 0) return 'alle Beiträge sind fertig, die Ausgabe ist noch nicht eingereicht'
  return count === 1
    ? '1 Beitrag ist noch nicht fertig'
    : `${count} Beiträge sind noch nicht fertig`
}

/** "Redaktionsschluss für „August 2018“ in 3 Tagen: 2 Beiträge sind noch nicht fertig". */
export function reminderText(detail: ReminderDetail, issueLabel: string): string {
  return `Redaktionsschluss für „${issueLabel}“ ${whenText(detail.daysLeft)}: ${openText(detail)}`
}
