import { afterEach, describe, expect, it } from 'vitest'
import type { MemoryState } from '../../mocks/memory-store'
import { createSeedState } from '../../mocks/seed/august-2018'
import {
  notificationHistoryCutoffs,
  reminderRecordGraceDays,
} from '../../src/domain/notification-retention'
import type { MailSettings } from '../../src/server/context'
import { smtpMail } from '../../src/server/node/smtp-mail'
import { createNotificationMailWorker } from '../../src/server/notification-mail-worker'
import { notifyWorkflowStep } from '../../src/server/notifications'
import { runReminderTick } from '../../src/server/reminders'
import type { Store } from '../../src/server/store'
import { startSmtpSink } from './smtp-sink'
import { testMailSettings } from './test-mail-settings'
import { storesForTests } from './test-stores'

/*
 * The reminders before a Redaktionsschluss with a clock the test moves: on each store (memory for
 * the demo, PGlite, PostgreSQL), in Europe/Berlin on both sides of a change of summer time.
 */

const issueId = 'ausgabe-2018-08'
const editor = 'frank-ruehling'
const author = 'jana-krause'

/** The seed with a deadline of our choosing: one article of Jana Krause's and one of the Redaktion not ready. */
function seedWith(deadline: string): MemoryState {
  const state = createSeedState()
  const issue = state.issues.find((candidate) => candidate.id === issueId)
  if (!issue) throw new Error('Ausgabe fehlt im Seed')
  issue.deadline = deadline
  issue.articleIds.forEach((articleId, index) => {
    const article = state.articles.find((candidate) => candidate.id === articleId)
    if (!article) return
    article.authorId = index === 0 ? author : editor
    article.status = index < 2 ? 'draft' : 'ready'
  })
  return state
}

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

const { stores } = storesForTests('rundbrief_erinnerung')

function ticker(store: Store, mail: MailSettings | null = null) {
  let ids = 0
  return (at: string) =>
    runReminderTick({
      store,
      now: () => new Date(at),
      newId: () => `erinnerung-${++ids}`,
      mail,
      publicUrl: 'https://rundbrief.gera.de',
    })
}

const texts = async (store: Store, userId: string) =>
  store.transaction(async (tx) =>
    (await tx.listNotifications(userId, 50))
      .filter((notification) => notification.kind === 'deadline_reminder')
      .map((notification) => notification.reminder),
  )

describe.each(stores)('Erinnerungen (%s)', (_, makeStore) => {
  const seasons = [
    // Tuesday 30 March 2027, 12:00 CEST; summer time began on Sunday the 28th
    {
      season: 'Beginn der Sommerzeit',
      deadline: '2027-03-30T10:00:00.000Z',
      threeDays: '2027-03-27T11:00:00.000Z',
      oneDay: '2027-03-29T10:00:00.000Z',
    },
    // Monday 1 November 2027, 12:00 CET; winter time began on Sunday 31 October
    {
      season: 'Ende der Sommerzeit',
      deadline: '2027-11-01T11:00:00.000Z',
      threeDays: '2027-10-29T10:00:00.000Z',
      oneDay: '2027-10-31T11:00:00.000Z',
    },
  ]

  it.each(seasons)(
    'jede Erinnerung genau einmal und pünktlich um 12:00 Uhr in Berlin ($season)',
    async ({ deadline, threeDays, oneDay }) => {
      const store = await makeStore(seedWith(deadline))
      const tick = ticker(store)
      const before = (iso: string) => new Date(new Date(iso).getTime() - 1).toISOString()
      const later = (iso: string, minutes: number) =>
        new Date(new Date(iso).getTime() + minutes * 60_000).toISOString()

      expect(await tick(before(threeDays))).toBe(0)
      expect(await tick(threeDays)).toBe(2)
      expect(await tick(threeDays)).toBe(0)
      expect(await tick(later(threeDays, 60))).toBe(0)
      expect(await tick(before(oneDay))).toBe(0)
      expect(await tick(oneDay)).toBe(2)
      expect(await tick(later(oneDay, 1))).toBe(0)
      expect(await tick(deadline)).toBe(0)

      expect(await texts(store, editor)).toEqual([
        { audience: 'editor', daysLeft: 1, openArticles: 2 },
        { audience: 'editor', daysLeft: 3, openArticles: 2 },
      ])
      expect(await texts(store, author)).toEqual([
        { audience: 'author', daysLeft: 1, openArticles: 1 },
        { audience: 'author', daysLeft: 3, openArticles: 1 },
      ])
      expect(await texts(store, 'sandra-wanzar')).toEqual([])
      const list = await store.transaction((tx) => tx.listNotifications(editor, 1))
      expect(list[0]).toMatchObject({ actorId: null, issueId, createdAt: oneDay })
    },
  )

  it('ein verschobener Redaktionsschluss verschiebt die Erinnerungen', async () => {
    const deadline = '2027-03-30T10:00:00.000Z'
    const store = await makeStore(seedWith(deadline))
    const tick = ticker(store)
    expect(await tick('2027-03-27T11:00:00.000Z')).toBe(2)
    // a week later: the old 1-day reminder (never sent) must not fire for the new deadline
    const moved = '2027-04-06T10:00:00.000Z'
    await store.transaction(async (tx) => {
      const issue = await tx.lockIssue(issueId)
      if (!issue) throw new Error('Ausgabe fehlt')
      expect(
        await tx.updateIssue(
          { ...issue, deadline: moved, version: issue.version + 1 },
          issue.version,
        ),
      ).toBe(true)
    })
    expect(await tick('2027-03-29T10:00:00.000Z')).toBe(0)
    // the 3-day reminder of the new deadline comes although one was sent for the old one
    expect(await tick('2027-04-03T09:59:00.000Z')).toBe(0)
    expect(await tick('2027-04-03T10:00:00.000Z')).toBe(2)
    expect(await tick('2027-04-05T10:00:00.000Z')).toBe(2)
    expect(await tick('2027-04-06T10:00:00.000Z')).toBe(0)
    expect(await texts(store, editor)).toHaveLength(3)
  })

  it('nach einem Ausfall einmal verspätet, aber nur die jüngste fällige und nie nach dem Schluss', async () => {
    const store = await makeStore(seedWith('2027-03-30T10:00:00.000Z'))
    const tick = ticker(store)
    // down from Friday until Monday after the 1-day time: only the 1-day reminder comes
    expect(await tick('2027-03-29T18:00:00.000Z')).toBe(2)
    expect(await tick('2027-03-29T18:01:00.000Z')).toBe(0)
    expect(await texts(store, editor)).toEqual([
      { audience: 'editor', daysLeft: 1, openArticles: 2 },
    ])

    const late = await makeStore(seedWith('2027-03-30T10:00:00.000Z'))
    expect(await ticker(late)('2027-03-30T10:00:00.000Z')).toBe(0)
  })

  it('nach dem Löschen der Erinnerungsvermerke kommt keine Erinnerung ein zweites Mal', async () => {
    const deadline = '2027-03-30T10:00:00.000Z'
    const store = await makeStore(seedWith(deadline))
    const tick = ticker(store)
    expect(await tick('2027-03-27T11:00:00.000Z')).toBe(2)
    expect(await tick('2027-03-29T10:00:00.000Z')).toBe(2)
    // the hourly purge just after the deadline's grace day takes all four records
    const purgedAt = new Date(Date.parse(deadline) + reminderRecordGraceDays * 24 * 60 * 60_000 + 1)
    expect(
      await store.transaction((tx) =>
        tx.purgeNotificationHistory(notificationHistoryCutoffs(purgedAt)),
      ),
    ).toEqual({ mails: 0, reminders: 4, notifications: 0 })
    for (const at of [purgedAt, new Date(purgedAt.getTime() + 60 * 60_000)])
      expect(await tick(at.toISOString())).toBe(0)
    // the same deadline set again (it is past): its purged keys do not come back
    await store.transaction(async (tx) => {
      const issue = await tx.lockIssue(issueId)
      if (!issue) throw new Error('Ausgabe fehlt')
      const moved = { ...issue, deadline: '2027-04-06T10:00:00.000Z', version: issue.version + 1 }
      expect(await tx.updateIssue(moved, issue.version)).toBe(true)
      expect(
        await tx.updateIssue({ ...moved, deadline, version: moved.version + 1 }, moved.version),
      ).toBe(true)
    })
    expect(await tick(purgedAt.toISOString())).toBe(0)
    expect(await texts(store, editor)).toHaveLength(2)
    expect(await texts(store, author)).toHaveLength(2)
  })

  it('keine Erinnerung an die Redaktion für eine eingereichte Ausgabe, keine für fertige Beiträge, keine bei abgeschalteten Erinnerungen', async () => {
    const submitted = seedWith('2027-03-30T10:00:00.000Z')
    const issue = submitted.issues.find((candidate) => candidate.id === issueId)
    if (issue) issue.status = 'in_review'
    expect(await ticker(await makeStore(submitted))('2027-03-29T10:00:00.000Z')).toBe(0)

    const allReady = seedWith('2027-03-30T10:00:00.000Z')
    for (const article of allReady.articles) article.status = 'ready'
    const readyStore = await makeStore(allReady)
    expect(await ticker(readyStore)('2027-03-29T10:00:00.000Z')).toBe(1)
    expect(await texts(readyStore, author)).toEqual([])
    expect(await texts(readyStore, editor)).toEqual([
      { audience: 'editor', daysLeft: 1, openArticles: 0 },
    ])

    const quiet = await makeStore(seedWith('2027-03-30T10:00:00.000Z'))
    await quiet.transaction((tx) =>
      tx.updateNotificationSettings({
        userId: author,
        emailEnabled: true,
        remindersEnabled: false,
      }),
    )
    expect(await ticker(quiet)('2027-03-29T10:00:00.000Z')).toBe(1)
    expect(await texts(quiet, author)).toEqual([])
  })

  it('per E-Mail über SMTP nur an Personen mit Adresse, die es eingeschaltet haben', async () => {
    const sink = await startSmtpSink()
    const port = smtpMail({ url: sink.url, perMinute: 60_000, connections: 1 })
    closers.push(sink.close, port.close)
    const mail = testMailSettings(port)
    const state = seedWith('2027-03-30T10:00:00.000Z')
    // the Redaktion and the Dezernentin have an address and e-mail on; Jana Krause has an address
    // but switched it off (the Dezernentin gets no reminder: she wrote nothing open)
    state.notificationSettings = [
      {
        userId: 'sandra-wanzar',
        email: 'sandra.wanzar@gera.de',
        emailEnabled: true,
        remindersEnabled: true,
      },
      {
        userId: editor,
        email: 'frank.ruehling@gera.de',
        emailEnabled: true,
        remindersEnabled: true,
      },
      { userId: author, email: 'jana.krause@gera.de', emailEnabled: false, remindersEnabled: true },
    ]
    const store = await makeStore(state)
    expect(await ticker(store, mail)('2027-03-27T11:00:00.000Z')).toBe(2)
    const worker = createNotificationMailWorker({
      store,
      mail,
      now: () => new Date('2027-03-27T11:00:00.000Z'),
      workerId: 'prozess-a',
    })
    expect(await worker.runOnce()).toBe(1)
    expect(await worker.runOnce()).toBe(0)
    expect(sink.received.map((message) => message.to)).toEqual([['frank.ruehling@gera.de']])
    const [message] = sink.received
    expect(message?.mail.subject).toBe(
      'Redaktionsschluss für „August 2018“ in 3 Tagen: 2 Beiträge sind noch nicht fertig',
    )
    expect(message?.mail.text).toContain('https://rundbrief.gera.de/ausgaben/ausgabe-2018-08')
    expect(message?.mail.text).toContain(
      'https://rundbrief.gera.de/benachrichtigungen/einstellungen',
    )
    expect(message?.mail.html).toContain(
      'href="https://rundbrief.gera.de/ausgaben/ausgabe-2018-08"',
    )

    // a workflow step's notification goes the same way: the submission reaches the Dezernentin
    await store.transaction(async (tx) => {
      const actor = await tx.getUser(editor)
      if (!actor) throw new Error('Redaktion fehlt')
      await notifyWorkflowStep(
        {
          mail,
          publicUrl: 'https://rundbrief.gera.de',
          newId: () => 'eingereicht-1',
          now: () => new Date('2027-03-27T11:00:00.000Z'),
        },
        tx,
        { kind: 'issue_submitted', issueId, actor },
      )
    })
    expect(await worker.runOnce()).toBe(1)
    expect(sink.received.map((received) => received.to)).toEqual([
      ['frank.ruehling@gera.de'],
      ['sandra.wanzar@gera.de'],
    ])
    expect(sink.received[1]?.mail.subject).toBe(
      'Dr. Frank Rühling hat „August 2018“ zur Freigabe eingereicht',
    )
  })
})
