import { sql } from 'kysely'
import { pino } from 'pino'
import { describe, expect, it, vi } from 'vitest'
import { startDemoNotifications } from '../../mocks/demo-mail'
import { MemoryStore } from '../../mocks/memory-store'
import { createSeedState } from '../../mocks/seed/august-2018'
import type { SmtpOutcome } from '../../src/domain/delivery'
import {
  notificationHistoryCutoffs,
  notificationMailRetentionDays,
  readNotificationRetentionDays,
  reminderRecordGraceDays,
  unreadNotificationRetentionDays,
} from '../../src/domain/notification-retention'
import type { MailPort } from '../../src/server/mail/mail-port'
import { readConfig } from '../../src/server/node/config'
import { DatabaseStore } from '../../src/server/node/database-store'
import { startNotificationHistoryPurge } from '../../src/server/node/notification-history-purge'
import { startServer } from '../../src/server/node/server'
import { createNotificationMailWorker } from '../../src/server/notification-mail-worker'
import type { NotificationHistoryPurged, Store } from '../../src/server/store'
import {
  notificationOfTheHead,
  queueNotificationMails,
  testMailSettings,
} from './test-mail-settings'
import { storesForTests } from './test-stores'

/*
 * The purge of the notification history on each store: notification e-mails 30 days after they
 * were sent or given up (never one waiting or being sent), reminder records a day after their
 * deadline, notifications 90 days after they were read and a year after they were made when
 * unread; and the hourly rounds of the server and of the demo that run it.
 */

const start = new Date('2027-03-27T11:00:00.000Z')
const dayMs = 24 * 60 * 60_000
const after = (ms: number) => new Date(start.getTime() + ms)

const { stores, postgresUrl, postgresConfig, seededDatabase } =
  storesForTests('rundbrief_aufbewahrung')

/** A mail port that answers from a script, one outcome per message in turn (then accepts). */
function scriptedPort(script: SmtpOutcome[] = []): MailPort {
  return { send: async () => script.shift() ?? { kind: 'accepted' }, close: async () => {} }
}

const queueMail = (store: Store, id: string, at: Date) => queueNotificationMails(store, [id], at)

const purgeAt = (store: Store, now: Date): Promise<NotificationHistoryPurged> =>
  store.transaction((tx) => tx.purgeNotificationHistory(notificationHistoryCutoffs(now)))

/** The mails still queued or in hand at `now` (a lease long over): taken by a last worker. */
const openMails = (store: Store, now: Date) =>
  store.transaction(async (tx) =>
    (
      await tx.claimNotificationMails({
        workerId: 'zuletzt',
        now: now.toISOString(),
        limit: 10,
        leaseExpiredBefore: now.toISOString(),
      })
    )
      .map((mail) => mail.id)
      .sort(),
  )

const reminderKey = (deadline: string) => ({
  issueId: 'ausgabe-2018-08',
  kind: 'one_day' as const,
  recipientId: 'frank-ruehling',
  deadline,
  createdAt: start.toISOString(),
})

/** One notification e-mail sent at `start`, and the record of one reminder. */
async function sentMailAndReminder(store: Store) {
  await queueMail(store, 'gesendet', start)
  await store.transaction((tx) => tx.recordReminder(reminderKey('2027-03-30T10:00:00.000Z')))
  const worker = createNotificationMailWorker({
    store,
    mail: testMailSettings(scriptedPort()),
    now: () => start,
    workerId: 'prozess-a',
  })
  expect(await worker.runOnce()).toBe(1)
}

describe.each(stores)('Aufbewahrung der Benachrichtigungen (%s)', (_name, makeStore) => {
  it(`löscht gesendete und aufgegebene E-Mails ${notificationMailRetentionDays} Tage danach, wartende und laufende nie`, async () => {
    const store = await makeStore()
    for (const id of ['gesendet', 'aufgegeben', 'wartend']) await queueMail(store, id, start)
    const worker = createNotificationMailWorker({
      store,
      mail: testMailSettings(
        scriptedPort([
          { kind: 'accepted' },
          { kind: 'rejected', code: 451, response: '451 greylisted' },
          { kind: 'rejected', code: 451, response: '451 greylisted' },
          { kind: 'rejected', code: 550, response: '550 no such user' },
          { kind: 'rejected', code: 451, response: '451 greylisted' },
        ]),
      ),
      now: () => clock,
      workerId: 'prozess-a',
    })
    let clock = start
    expect(await worker.runOnce()).toBe(3)
    // a minute later the second is given up, the third waits again
    clock = after(60_000)
    expect(await worker.runOnce()).toBe(2)
    // a fourth is in the hand of a process that stopped
    await queueMail(store, 'in-arbeit', clock)
    expect((await openMails(store, clock)).length).toBe(1)

    const retention = notificationMailRetentionDays * dayMs
    const nothing = { mails: 0, reminders: 0, notifications: 0 }
    expect(await purgeAt(store, after(retention))).toEqual(nothing)
    // counted from when each was sent or given up, not from when it was queued
    expect(await purgeAt(store, after(retention + 1))).toEqual({ ...nothing, mails: 1 })
    expect(await purgeAt(store, after(retention + 60_000))).toEqual(nothing)
    expect(await purgeAt(store, after(retention + 60_001))).toEqual({ ...nothing, mails: 1 })
    // the notifications themselves stay in the bell
    const bell = await store.transaction((tx) => tx.listNotifications('sandra-wanzar', 50))
    expect(bell.map((notification) => notification.id).sort()).toEqual([
      'aufgegeben',
      'gesendet',
      'in-arbeit',
      'wartend',
    ])

    // a year on, unread: the notifications go, but not those whose mail is still open
    expect(await purgeAt(store, after(400 * dayMs))).toEqual({ ...nothing, notifications: 2 })
    expect(await openMails(store, after(400 * dayMs))).toEqual(['mail-in-arbeit', 'mail-wartend'])
  })

  it(`löscht Benachrichtigungen ${readNotificationRetentionDays} Tage nach dem Lesen, ungelesene ${unreadNotificationRetentionDays} Tage nach dem Entstehen`, async () => {
    const store = await makeStore()
    const readEarly = after(dayMs)
    const readLate = after(200 * dayMs)
    await store.transaction(async (tx) => {
      await tx.insertNotifications(
        ['frueh-gelesen', 'spaet-gelesen', 'ungelesen', 'neu'].map((id) =>
          notificationOfTheHead(id, id === 'neu' ? after(300 * dayMs) : start),
        ),
      )
      expect(
        await tx.markNotificationRead('frueh-gelesen', 'sandra-wanzar', readEarly.toISOString()),
      ).toBe(true)
      expect(
        await tx.markNotificationRead('spaet-gelesen', 'sandra-wanzar', readLate.toISOString()),
      ).toBe(true)
    })
    /** The bell as the person sees it: the list and the unread count, read together. */
    const bell = () =>
      store.transaction(async (tx) => ({
        ids: (await tx.listNotifications('sandra-wanzar', 50)).map(({ id }) => id).sort(),
        unread: await tx.countUnreadNotifications('sandra-wanzar'),
      }))
    const nothing = { mails: 0, reminders: 0, notifications: 0 }
    const readRetention = readNotificationRetentionDays * dayMs
    const unreadRetention = unreadNotificationRetentionDays * dayMs

    // counted from when it was read, not from when it was made
    expect(await purgeAt(store, new Date(readEarly.getTime() + readRetention))).toEqual(nothing)
    expect(await purgeAt(store, new Date(readEarly.getTime() + readRetention + 1))).toEqual({
      ...nothing,
      notifications: 1,
    })
    expect(await bell()).toEqual({ ids: ['neu', 'spaet-gelesen', 'ungelesen'], unread: 2 })
    expect(await purgeAt(store, new Date(readLate.getTime() + readRetention))).toEqual(nothing)
    expect(await purgeAt(store, new Date(readLate.getTime() + readRetention + 1))).toEqual({
      ...nothing,
      notifications: 1,
    })
    expect(await bell()).toEqual({ ids: ['neu', 'ungelesen'], unread: 2 })

    expect(await purgeAt(store, after(unreadRetention))).toEqual(nothing)
    expect(await purgeAt(store, after(unreadRetention + 1))).toEqual({
      ...nothing,
      notifications: 1,
    })
    // the list and the count stay one picture: the new one, unread
    expect(await bell()).toEqual({ ids: ['neu'], unread: 1 })
    // gone is gone: marking it read finds nothing (the bell's 404), the rest is untouched
    await store.transaction(async (tx) => {
      expect(await tx.markNotificationRead('ungelesen', 'sandra-wanzar', start.toISOString())).toBe(
        false,
      )
    })
    expect(await purgeAt(store, after(300 * dayMs + unreadRetention))).toEqual(nothing)
    expect(await purgeAt(store, after(300 * dayMs + unreadRetention + 1))).toEqual({
      ...nothing,
      notifications: 1,
    })
    expect(await bell()).toEqual({ ids: [], unread: 0 })
  })

  it(`löscht Erinnerungsvermerke erst ${reminderRecordGraceDays} Tag nach ihrem Redaktionsschluss`, async () => {
    const store = await makeStore()
    const deadline = '2027-03-30T10:00:00.000Z'
    const moved = '2027-04-06T10:00:00.000Z'
    await store.transaction(async (tx) => {
      expect(await tx.recordReminder(reminderKey(deadline))).toBe(true)
      expect(await tx.recordReminder({ ...reminderKey(deadline), kind: 'three_days' })).toBe(true)
      expect(await tx.recordReminder(reminderKey(moved))).toBe(true)
    })
    const graceOver = Date.parse(deadline) + reminderRecordGraceDays * dayMs
    expect(await purgeAt(store, new Date(graceOver))).toEqual({
      mails: 0,
      reminders: 0,
      notifications: 0,
    })
    expect(await purgeAt(store, new Date(graceOver + 1))).toEqual({
      mails: 0,
      reminders: 2,
      notifications: 0,
    })
    await store.transaction(async (tx) => {
      // the purged key could be recorded anew; the one of the moved deadline is still there
      expect(await tx.recordReminder(reminderKey(moved))).toBe(false)
      expect(await tx.recordReminder(reminderKey(deadline))).toBe(true)
    })
  })

  it('löscht stündlich, beim Start und danach in jeder Runde', async () => {
    const store = await makeStore()
    await sentMailAndReminder(store)

    let clock = after(5 * dayMs)
    const purged: NotificationHistoryPurged[] = []
    const errors: unknown[] = []
    const purge = startNotificationHistoryPurge({
      store,
      now: () => clock,
      intervalMs: 20,
      onPurged: (counts) => purged.push(counts),
      onError: (error) => errors.push(error),
    })
    await vi.waitFor(() => expect(purged).toEqual([{ mails: 0, reminders: 1, notifications: 0 }]))
    clock = after((notificationMailRetentionDays + 1) * dayMs)
    await vi.waitFor(() =>
      expect(purged).toEqual([
        { mails: 0, reminders: 1, notifications: 0 },
        { mails: 1, reminders: 0, notifications: 0 },
      ]),
    )
    // the mail's notification, never read, a year after it was made
    clock = after((unreadNotificationRetentionDays + 1) * dayMs)
    await vi.waitFor(() =>
      expect(purged).toEqual([
        { mails: 0, reminders: 1, notifications: 0 },
        { mails: 1, reminders: 0, notifications: 0 },
        { mails: 0, reminders: 0, notifications: 1 },
      ]),
    )
    await purge.stop()
    expect(errors).toEqual([])
  })
})

describe('Aufbewahrung in der Demo', () => {
  it('löscht in der ersten Runde und danach höchstens einmal in der Stunde', async () => {
    vi.useFakeTimers()
    try {
      const store = new MemoryStore(createSeedState())
      const mailIds = () => (store.snapshot().notificationMails ?? []).map((mail) => mail.id)
      await queueMail(store, 'alt', start)
      let clock = start
      const errors: unknown[] = []
      const demo = startDemoNotifications({
        store,
        mail: testMailSettings(scriptedPort()),
        intervalMs: 5_000,
        now: () => clock,
        logError: (error) => errors.push(error),
      })
      const nextRound = (at: Date) => {
        clock = at
        return vi.advanceTimersByTimeAsync(5_000)
      }
      // first round (half a second after the start): nothing to purge yet, then the mail is sent
      await vi.advanceTimersByTimeAsync(500)
      expect(store.snapshot().notificationMails?.[0]?.status).toBe('sent')
      // 31 days on: deleted, and a new mail is sent
      const later = after((notificationMailRetentionDays + 1) * dayMs)
      await queueMail(store, 'neu', later)
      await nextRound(later)
      expect(mailIds()).toEqual(['mail-neu'])
      // a purge 10 minutes before the new one is due; 10 minutes after, the last purge is only
      // 20 minutes ago; an hour after that purge it goes
      const due = later.getTime() + notificationMailRetentionDays * dayMs
      await nextRound(new Date(due - 10 * 60_000))
      await nextRound(new Date(due + 10 * 60_000))
      expect(mailIds()).toEqual(['mail-neu'])
      await nextRound(new Date(due + 50 * 60_000))
      expect(mailIds()).toEqual([])
      // a year after it was made, the first notification (never read) leaves the bell too
      const notificationIds = () => (store.snapshot().notifications ?? []).map(({ id }) => id)
      expect(notificationIds()).toEqual(['alt', 'neu'])
      await nextRound(after((unreadNotificationRetentionDays + 1) * dayMs))
      expect(notificationIds()).toEqual(['neu'])
      await demo.stop()
      expect(errors).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })
})

describe.skipIf(!postgresUrl)('Aufbewahrung im Serverprozess', () => {
  it('löscht beim Start, was abgelaufen ist', async () => {
    const config = await postgresConfig()
    const db = await seededDatabase(config)
    const store = new DatabaseStore(db)
    await sentMailAndReminder(store)
    const rows = async () =>
      (
        await sql<{ mails: number; reminders: number; notifications: number }>`
          select (select count(*)::int from notification_mails) as mails,
                 (select count(*)::int from deadline_reminders) as reminders,
                 (select count(*)::int from notifications) as notifications`.execute(db)
      ).rows[0]
    expect(await rows()).toEqual({ mails: 1, reminders: 1, notifications: 1 })
    if (config.kind !== 'postgres') throw new Error('PostgreSQL erwartet')
    const server = await startServer(
      readConfig({ DATABASE_URL: config.url, PORT: '0', HOST: '127.0.0.1', SERVE_APP: '0' }),
      pino({ level: 'silent' }),
      { now: () => after((unreadNotificationRetentionDays + 1) * dayMs) },
    )
    try {
      await vi.waitFor(
        async () => expect(await rows()).toEqual({ mails: 0, reminders: 0, notifications: 0 }),
        { timeout: 10_000 },
      )
    } finally {
      await server.close()
    }
  })
})
