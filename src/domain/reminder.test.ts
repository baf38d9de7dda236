import { describe, expect, it } from 'vitest'
import {
  berlinDaysLeft,
  dueReminderKind,
  dueReminders,
  reminderText,
  reminderTime,
  type ReminderPerson,
} from './reminder'

/** Redaktionsschluss Tuesday 30 March 2027, 12:00 in Berlin: summer time began on Sunday the 28th. */
const afterSpringChange = '2027-03-30T10:00:00.000Z'
/** Redaktionsschluss Monday 1 November 2027, 12:00 in Berlin: winter time began on Sunday 31 October. */
const afterAutumnChange = '2027-11-01T11:00:00.000Z'

const people: ReminderPerson[] = [
  { id: 'redaktion', role: 'editor', remindersEnabled: true },
  { id: 'dezernentin', role: 'head', remindersEnabled: true },
  { id: 'gestaltung', role: 'designer', remindersEnabled: true },
  { id: 'autorin', role: 'designer', remindersEnabled: true },
]
const issue = {
  id: 'ausgabe',
  deadline: afterSpringChange,
  status: 'draft' as const,
  articleIds: ['a1', 'a2', 'a3'],
}
const articles = [
  { id: 'a1', authorId: 'autorin', status: 'draft' as const },
  { id: 'a2', authorId: 'redaktion', status: 'draft' as const },
  { id: 'a3', authorId: 'gestaltung', status: 'ready' as const },
  { id: 'anderswo', authorId: 'dezernentin', status: 'draft' as const },
]

describe('Erinnerungen vor dem Redaktionsschluss', () => {
  it('erinnert 3 Tage und 1 Tag vorher zur Uhrzeit des Redaktionsschlusses, über den Beginn der Sommerzeit', () => {
    // Saturday 27 March, 12:00 CET, and Monday 29 March, 12:00 CEST: 71 hours and 24 hours before
    expect(reminderTime(afterSpringChange, 'three_days')).toBe('2027-03-27T11:00:00.000Z')
    expect(reminderTime(afterSpringChange, 'one_day')).toBe('2027-03-29T10:00:00.000Z')
  })

  it('erinnert zur Uhrzeit des Redaktionsschlusses, über das Ende der Sommerzeit', () => {
    // Friday 29 October, 12:00 CEST (73 hours before), and Sunday 31 October, 12:00 CET
    expect(reminderTime(afterAutumnChange, 'three_days')).toBe('2027-10-29T10:00:00.000Z')
    expect(reminderTime(afterAutumnChange, 'one_day')).toBe('2027-10-31T11:00:00.000Z')
  })

  it('rechnet in Kalendertagen über den Monatswechsel', () => {
    expect(reminderTime('2027-03-01T08:00:00.000Z', 'three_days')).toBe('2027-02-26T08:00:00.000Z')
  })

  it('ist fällig ab seiner Zeit, die spätere Erinnerung ersetzt eine versäumte, nach dem Schluss keine mehr', () => {
    const at = (iso: string) => dueReminderKind(afterSpringChange, new Date(iso))
    expect(at('2027-03-27T10:59:59.999Z')).toBeNull()
    expect(at('2027-03-27T11:00:00.000Z')).toBe('three_days')
    // the server was down on Saturday: on Sunday the 3-day reminder is still sent, late
    expect(at('2027-03-28T09:00:00.000Z')).toBe('three_days')
    expect(at('2027-03-29T09:59:59.999Z')).toBe('three_days')
    expect(at('2027-03-29T10:00:00.000Z')).toBe('one_day')
    expect(at('2027-03-30T09:59:59.999Z')).toBe('one_day')
    expect(at('2027-03-30T10:00:00.000Z')).toBeNull()
  })

  it('zählt die verbleibenden Kalendertage in Berlin', () => {
    expect(berlinDaysLeft(afterSpringChange, new Date('2027-03-27T11:00:00.000Z'))).toBe(3)
    expect(berlinDaysLeft(afterSpringChange, new Date('2027-03-28T22:30:00.000Z'))).toBe(1)
    expect(berlinDaysLeft(afterSpringChange, new Date('2027-03-30T09:00:00.000Z'))).toBe(0)
  })

  it('erinnert die Autorinnen nicht fertiger Beiträge und die Redaktion, nicht die Dezernentin und nicht für fertige Beiträge', () => {
    const due = dueReminders(issue, articles, people, new Date('2027-03-27T11:00:00.000Z'))
    expect(due).toEqual([
      {
        issueId: 'ausgabe',
        kind: 'three_days',
        recipientId: 'redaktion',
        deadline: afterSpringChange,
        detail: { audience: 'editor', daysLeft: 3, openArticles: 2 },
      },
      {
        issueId: 'ausgabe',
        kind: 'three_days',
        recipientId: 'autorin',
        deadline: afterSpringChange,
        detail: { audience: 'author', daysLeft: 3, openArticles: 1 },
      },
    ])
  })

  it('erinnert nicht mehr, wenn die Ausgabe eingereicht ist, und niemanden, der Erinnerungen abgeschaltet hat', () => {
    const now = new Date('2027-03-29T10:00:00.000Z')
    for (const status of ['in_review', 'approved', 'published'] as const)
      expect(dueReminders({ ...issue, status }, articles, people, now)).toEqual([])
    expect(
      dueReminders({ ...issue, status: 'changes_requested' }, articles, people, now),
    ).toHaveLength(2)
    const quiet = people.map((person) => ({ ...person, remindersEnabled: false }))
    expect(dueReminders(issue, articles, quiet, now)).toEqual([])
  })

  it('erinnert die Redaktion auch, wenn alle Beiträge fertig sind, solange nicht eingereicht ist', () => {
    const ready = articles.map((article) => ({ ...article, status: 'ready' as const }))
    expect(
      dueReminders(issue, ready, people, new Date('2027-03-29T10:00:00.000Z')).map(
        (reminder) => reminder.recipientId,
      ),
    ).toEqual(['redaktion'])
  })

  it('rechnet für einen verschobenen Redaktionsschluss neu: der Schlüssel trägt den Redaktionsschluss', () => {
    const moved = { ...issue, deadline: '2027-04-06T10:00:00.000Z' }
    expect(dueReminders(moved, articles, people, new Date('2027-03-29T10:00:00.000Z'))).toEqual([])
    const due = dueReminders(moved, articles, people, new Date('2027-04-03T10:00:00.000Z'))
    expect(due.map((reminder) => [reminder.kind, reminder.deadline])).toEqual([
      ['three_days', '2027-04-06T10:00:00.000Z'],
      ['three_days', '2027-04-06T10:00:00.000Z'],
    ])
  })

  it('sagt auf Deutsch, wann Schluss ist und was fehlt', () => {
    expect(reminderText({ audience: 'editor', daysLeft: 3, openArticles: 2 }, 'August 2018')).toBe(
      'Redaktionsschluss für „August 2018“ in 3 Tagen: 2 Beiträge sind noch nicht fertig',
    )
    expect(reminderText({ audience: 'editor', daysLeft: 1, openArticles: 1 }, 'August 2018')).toBe(
      'Redaktionsschluss für „August 2018“ morgen: 1 Beitrag ist noch nicht fertig',
    )
    expect(reminderText({ audience: 'editor', daysLeft: 0, openArticles: 0 }, 'August 2018')).toBe(
      'Redaktionsschluss für „August 2018“ heute: alle Beiträge sind fertig, die Ausgabe ist noch nicht eingereicht',
    )
    expect(reminderText({ audience: 'author', daysLeft: 1, openArticles: 1 }, 'August 2018')).toBe(
      'Redaktionsschluss für „August 2018“ morgen: Ihr Beitrag ist noch nicht fertig',
    )
    expect(reminderText({ audience: 'author', daysLeft: 3, openArticles: 2 }, 'August 2018')).toBe(
      'Redaktionsschluss für „August 2018“ in 3 Tagen: 2 Ihrer Beiträge sind noch nicht fertig',
    )
  })
})
