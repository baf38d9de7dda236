import { describe, expect, it } from 'vitest'
import { maxDeliveryAttempts, type SmtpOutcome } from '../../src/domain/delivery'
import type { MailPort, OutgoingMessage } from '../../src/server/mail/mail-port'
import { createNotificationMailWorker } from '../../src/server/notification-mail-worker'
import type { Store } from '../../src/server/store'
import { queueNotificationMails, testMailSettings } from './test-mail-settings'
import { storesForTests } from './test-stores'

/*
 * The queue of notification e-mails on each store: the Versand's retry rules (4xx and an
 * unreachable server again later, 5xx final, given up after the last attempt), the lease after a
 * worker stopped mid-batch, and two workers on one PostgreSQL taking different mails.
 */

const start = new Date('2027-03-27T11:00:00.000Z')
const minutes = (count: number) => new Date(start.getTime() + count * 60_000)

const { stores, postgresUrl, postgresStore } = storesForTests('rundbrief_benachrichtigung')

/** A mail port that answers from a script, one outcome per message in turn (then accepts). */
function scriptedPort(script: SmtpOutcome[] = []) {
  const sent: OutgoingMessage[] = []
  const port: MailPort = {
    send: async (message) => {
      sent.push(message)
      return script.shift() ?? { kind: 'accepted' }
    },
    close: async () => {},
  }
  return { port, sent }
}

/** Queues `count` notification e-mails (with their notifications) to the Dezernentin. */
const queueMails = (store: Store, count: number) =>
  queueNotificationMails(
    store,
    Array.from({ length: count }, (_, index) => `hinweis-${index + 1}`),
    start,
  )

const workerOf = (store: Store, port: MailPort, clock: { now: Date }, workerId = 'prozess-a') =>
  createNotificationMailWorker({
    store,
    mail: testMailSettings(port),
    now: () => clock.now,
    workerId,
    leaseMs: 10 * 60_000,
  })

const subjects = (sent: OutgoingMessage[]) => sent.map((message) => message.subject)

describe.each(stores)('Benachrichtigungs-E-Mails (%s)', (_name, makeStore) => {
  it('versucht es nach 4xx und ohne Verbindung später wieder, gibt nach 5xx sofort auf', async () => {
    const store = await makeStore()
    await queueMails(store, 3)
    const clock = { now: start }
    const { port, sent } = scriptedPort([
      { kind: 'rejected', code: 451, response: '451 greylisted' },
      { kind: 'rejected', code: 550, response: '550 no such user' },
      { kind: 'unreachable', detail: 'ECONNREFUSED' },
    ])
    const worker = workerOf(store, port, clock)
    expect(await worker.runOnce()).toBe(3)
    // the two temporary failures wait a minute; the 5xx is final
    clock.now = minutes(0.5)
    expect(await worker.runOnce()).toBe(0)
    clock.now = minutes(1)
    expect(await worker.runOnce()).toBe(2)
    expect(await worker.runOnce()).toBe(0)
    clock.now = minutes(120)
    expect(await worker.runOnce()).toBe(0)
    expect(subjects(sent)).toEqual([
      'Zur Freigabe eingereicht (hinweis-1)',
      'Zur Freigabe eingereicht (hinweis-2)',
      'Zur Freigabe eingereicht (hinweis-3)',
      'Zur Freigabe eingereicht (hinweis-1)',
      'Zur Freigabe eingereicht (hinweis-3)',
    ])
    expect(sent[0]?.headers['Auto-Submitted']).toBe('auto-generated')
    expect(sent[0]?.messageId).toBe('<benachrichtigung-mail-hinweis-1@gera.de>')
  })

  it(`gibt eine Nachricht nach ${maxDeliveryAttempts} vorübergehenden Fehlern auf`, async () => {
    const store = await makeStore()
    await queueMails(store, 1)
    const clock = { now: start }
    const { port, sent } = scriptedPort(
      Array.from({ length: maxDeliveryAttempts + 2 }, () => ({
        kind: 'unreachable' as const,
        detail: 'ETIMEDOUT',
      })),
    )
    const worker = workerOf(store, port, clock)
    for (let round = 0; round < maxDeliveryAttempts + 2; round++) {
      await worker.runOnce()
      clock.now = new Date(clock.now.getTime() + 61 * 60_000)
    }
    expect(sent).toHaveLength(maxDeliveryAttempts)
  })

  it('nimmt nach Ablauf der Frist wieder auf, was ein angehaltener Prozess genommen hatte, und verwirft dessen späte Meldung', async () => {
    const store = await makeStore()
    const [id = ''] = await queueMails(store, 1)
    // process A takes the mail and stops before it reports (a crash mid-batch)
    const [taken] = await store.transaction((tx) =>
      tx.claimNotificationMails({
        workerId: 'prozess-a',
        now: start.toISOString(),
        limit: 20,
        leaseExpiredBefore: minutes(-10).toISOString(),
      }),
    )
    expect(taken?.id).toBe(id)
    const clock = { now: minutes(5) }
    const { port, sent } = scriptedPort()
    const other = workerOf(store, port, clock, 'prozess-b')
    expect(await other.runOnce()).toBe(0)
    clock.now = minutes(10.5)
    expect(await other.runOnce()).toBe(1)
    expect(sent).toHaveLength(1)

    // A's late report (a temporary failure) must not put the sent mail back into the queue
    const late = await store.transaction((tx) =>
      tx.completeNotificationMail({
        id,
        workerId: 'prozess-a',
        at: minutes(11).toISOString(),
        step: { status: 'pending', reason: 'spät', nextAttemptAt: minutes(12) },
      }),
    )
    expect(late).toBe(false)
    clock.now = minutes(60)
    expect(await other.runOnce()).toBe(0)
    expect(sent).toHaveLength(1)
  })
})

describe.skipIf(!postgresUrl)('Benachrichtigungs-E-Mails mit zwei Arbeitern (PostgreSQL)', () => {
  it('verteilt gleichzeitig genommene Nachrichten ohne Doppel', async () => {
    const store = await postgresStore()
    const queued = await queueMails(store, 60)
    const claims = await Promise.all(
      Array.from({ length: 4 }, (_, worker) =>
        store.transaction((tx) =>
          tx.claimNotificationMails({
            workerId: `prozess-${worker}`,
            now: start.toISOString(),
            limit: 15,
            leaseExpiredBefore: minutes(-10).toISOString(),
          }),
        ),
      ),
    )
    const ids = claims.flat().map((mail) => mail.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.sort()).toEqual([...queued].sort())
  })
})
