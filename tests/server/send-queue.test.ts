import { afterEach, describe, expect, it } from 'vitest'
import type { Subscriber } from '../../src/domain/subscriber'
import type { MailPort } from '../../src/server/mail/mail-port'
import { DatabaseStore } from '../../src/server/node/database-store'
import { smtpMail } from '../../src/server/node/smtp-mail'
import { createSendWorker } from '../../src/server/send-worker'
import type { SendJob, Store } from '../../src/server/store'
import { startSmtpSink, type RecipientAnswer } from './smtp-sink'
import { storesForTests } from './test-stores'

const issueId = 'ausgabe-2018-08'
const start = new Date('2026-12-02T08:00:00.000Z')

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

const { stores, postgresUrl, postgresConfig, seededDatabase, open } =
  storesForTests('rundbrief_versand')

const subscriber = (index: number, status: Subscriber['status'] = 'confirmed'): Subscriber => ({
  id: `empfaenger-${String(index).padStart(4, '0')}`,
  email: `leser${index}@example.org`,
  name: `Leser ${index}`,
  organisation: '',
  status,
  consentVersion: '2026-11',
  requestedAt: start.toISOString(),
  confirmedAt: status === 'confirmed' ? start.toISOString() : null,
  unsubscribedAt: null,
})

const sendJob = (id = 'versand-1'): SendJob => ({
  id,
  issueId,
  status: 'running',
  scheduledAt: start.toISOString(),
  createdAt: start.toISOString(),
  createdBy: 'sandra-wanzar',
  finishedAt: null,
  message: {
    subject: 'Nachrichten aus dem Dezernat Soziales – August 2018',
    from: 'Dezernat Soziales <jugend.soziales@gera.de>',
    html: '<p>Freigegebener Stand. <a href="{{abmelden}}">Abmelden</a></p>',
    text: 'Freigegebener Stand. Abmelden: {{abmelden}}',
    fingerprint: 'fp-1',
  },
})

async function subscribe(store: Store, subscribers: Subscriber[]) {
  await store.transaction(async (tx) => {
    for (const item of subscribers) await tx.insertSubscriber(item)
  })
}

function worker(
  store: Store,
  mail: MailPort,
  clock: { now: Date },
  options: {
    workerId?: string
    batchSize?: number
    finished?: SendJob[]
    parallel?: number
    recheckEvery?: number
  } = {},
) {
  return createSendWorker({
    store,
    mail,
    now: () => clock.now,
    workerId: options.workerId ?? 'prozess-a',
    batchSize: options.batchSize ?? 25,
    ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
    ...(options.recheckEvery !== undefined ? { recheckEvery: options.recheckEvery } : {}),
    leaseMs: 10 * 60_000,
    compose: (send, recipient) => {
      const link = `https://rundbrief.gera.de/abmelden/${recipient.id}`
      return {
        from: send.message.from,
        to: recipient.email,
        subject: send.message.subject,
        html: send.message.html.replace('{{abmelden}}', link),
        text: send.message.text.replace('{{abmelden}}', link),
        messageId: `<${send.id}.${recipient.id}@gera.de>`,
        headers: { 'List-Unsubscribe': `<${link}>` },
      }
    },
    onSendFinished: async (_tx, send) => void options.finished?.push(send),
  })
}

async function sink(answer?: (address: string, attempt: number) => RecipientAnswer) {
  const server = await startSmtpSink(answer)
  const mail = smtpMail({ url: server.url, perMinute: 60_000, connections: 3 })
  closers.push(server.close, mail.close)
  return { server, mail }
}

/** `count` confirmed readers, `leser0@example.org` …, and a send to them. */
async function readersWithSend(store: Store, count: number) {
  await subscribe(
    store,
    Array.from({ length: count }, (_, index) => subscriber(index)),
  )
  await store.transaction((tx) => tx.insertSend(sendJob()))
}

async function drain(run: () => Promise<number>) {
  while ((await run()) > 0);
}

describe.each(stores)('Versandwarteschlange: %s', (_name, openStore) => {
  it('schickt jedem bestätigten Empfänger genau eine persönliche Nachricht und beendet den Versand einmal', async () => {
    const store = await openStore()
    await subscribe(store, [
      ...Array.from({ length: 60 }, (_, index) => subscriber(index)),
      subscriber(900, 'pending'),
      subscriber(901, 'unsubscribed'),
    ])
    expect(await store.transaction((tx) => tx.insertSend(sendJob()))).toBe(60)
    const { server, mail } = await sink()
    const finished: SendJob[] = []
    await drain(worker(store, mail, { now: start }, { finished }).runOnce)

    const addresses = server.received.flatMap((item) => item.to).sort()
    expect(addresses).toHaveLength(60)
    expect(new Set(addresses).size).toBe(60)
    expect(addresses).not.toContain('leser900@example.org')
    const personal = server.received.find((item) => item.to[0] === 'leser7@example.org')
    expect(personal?.mail.text?.trim()).toBe(
      'Freigegebener Stand. Abmelden: https://rundbrief.gera.de/abmelden/empfaenger-0007',
    )
    expect(await store.transaction((tx) => tx.deliveryCounts('versand-1'))).toEqual({
      pending: 0,
      sending: 0,
      sent: 60,
      failed: 0,
      skipped: 0,
    })
    expect(finished.map((send) => send.id)).toEqual(['versand-1'])
    expect((await store.transaction((tx) => tx.getSend('versand-1')))?.status).toBe('done')
  })

  it('gibt 5xx sofort auf, wiederholt 4xx mit Abstand und stellt sie später zu', async () => {
    const store = await openStore()
    await subscribe(store, [subscriber(1), subscriber(2), subscriber(3)])
    await store.transaction((tx) => tx.insertSend(sendJob()))
    const { server, mail } = await sink((address, attempt) =>
      address === 'leser1@example.org'
        ? { code: 550, message: '5.1.1 Mailbox unavailable' }
        : address === 'leser2@example.org' && attempt === 1
          ? { code: 451, message: '4.7.1 Greylisted' }
          : 'accept',
    )
    const clock = { now: start }
    const run = worker(store, mail, clock).runOnce
    await drain(run)
    expect(await store.transaction((tx) => tx.deliveryCounts('versand-1'))).toMatchObject({
      pending: 1,
      sent: 1,
      failed: 1,
    })
    clock.now = new Date(start.getTime() + 59_000)
    expect(await run()).toBe(0)
    clock.now = new Date(start.getTime() + 60_000)
    await drain(run)
    expect(server.received.flatMap((item) => item.to).sort()).toEqual([
      'leser2@example.org',
      'leser3@example.org',
    ])
    expect(await store.transaction((tx) => tx.deliveryCounts('versand-1'))).toMatchObject({
      pending: 0,
      sent: 2,
      failed: 1,
    })
  })

  it('gibt einer Adresse, die sich während des Versands abmeldet, nichts mehr', async () => {
    const store = await openStore()
    await readersWithSend(store, 10)
    const { server, mail } = await sink()
    const run = worker(store, mail, { now: start }, { batchSize: 4 }).runOnce
    await run()
    await store.transaction((tx) => tx.unsubscribe('empfaenger-0009', start.toISOString()))
    await drain(run)
    expect(server.received.flatMap((item) => item.to)).not.toContain('leser9@example.org')
    expect(await store.transaction((tx) => tx.deliveryCounts('versand-1'))).toMatchObject({
      sent: 9,
      skipped: 1,
    })
  })

  /** A mail port that does `during` once, when the `at`-th message is handed over. */
  const interruptingMail = (mail: MailPort, at: number, during: () => Promise<unknown>) => {
    let handed = 0
    return {
      send: async (message: Parameters<MailPort['send']>[0]) => {
        if (++handed === at) await during()
        return mail.send(message)
      },
      close: mail.close,
    }
  }

  it('gibt auch einer Adresse nichts, die sich abmeldet, während ihre Nachricht schon zum Senden genommen ist', async () => {
    const store = await openStore()
    await readersWithSend(store, 20)
    const { server, mail } = await sink()
    // all 20 are taken in one batch; number 15 unsubscribes while the third goes out
    const unsubscribing = interruptingMail(mail, 3, () =>
      store.transaction((tx) => tx.unsubscribe('empfaenger-0015', start.toISOString())),
    )
    const run = worker(
      store,
      unsubscribing,
      { now: start },
      { batchSize: 20, parallel: 1, recheckEvery: 4 },
    ).runOnce
    expect(await run()).toBe(20)
    await drain(run)
    expect(server.received.flatMap((item) => item.to)).not.toContain('leser15@example.org')
    expect(server.received).toHaveLength(19)
    expect(await store.transaction((tx) => tx.deliveryCounts('versand-1'))).toMatchObject({
      sent: 19,
      skipped: 1,
      sending: 0,
    })
  })

  it('„Anhalten“ während eines Durchgangs: der Rest bleibt liegen und geht nach „Fortsetzen“ genau einmal hinaus', async () => {
    const store = await openStore()
    await readersWithSend(store, 20)
    const { server, mail } = await sink()
    const pausing = interruptingMail(mail, 3, () =>
      store.transaction((tx) => tx.setSendStatus('versand-1', ['running'], 'paused')),
    )
    const run = worker(
      store,
      pausing,
      { now: start },
      { batchSize: 20, parallel: 1, recheckEvery: 4 },
    ).runOnce
    await run()
    // one lane waits for her "Anhalten" to commit: the chunk under way and the next (checked
    // while the first went out) still go out, nothing after them
    expect(server.received.length).toBeLessThanOrEqual(2 * 4)
    const counts = await store.transaction((tx) => tx.deliveryCounts('versand-1'))
    expect(counts).toMatchObject({ sending: 0, pending: 20 - server.received.length })
    expect(await run()).toBe(0)
    await store.transaction((tx) => tx.setSendStatus('versand-1', ['paused'], 'running'))
    await drain(run)
    const addresses = server.received.flatMap((item) => item.to)
    expect(addresses).toHaveLength(20)
    expect(new Set(addresses).size).toBe(20)
  })

  it('nimmt eine Nachricht eines abgestürzten Prozesses erst nach Ablauf seiner Frist wieder auf', async () => {
    const store = await openStore()
    await subscribe(store, [subscriber(1), subscriber(2)])
    await store.transaction((tx) => tx.insertSend(sendJob()))
    // process A takes both and dies before it records anything
    const taken = await store.transaction((tx) =>
      tx.claimDeliveries({
        workerId: 'prozess-a',
        now: start.toISOString(),
        limit: 10,
        leaseExpiredBefore: new Date(start.getTime() - 600_000).toISOString(),
      }),
    )
    expect(taken).toHaveLength(2)
    const { server, mail } = await sink()
    const clock = { now: new Date(start.getTime() + 9 * 60_000) }
    const processB = worker(store, mail, clock, { workerId: 'prozess-b' }).runOnce
    expect(await processB()).toBe(0)
    clock.now = new Date(start.getTime() + 10 * 60_000 + 1)
    await drain(processB)
    expect(server.received.flatMap((item) => item.to).sort()).toEqual([
      'leser1@example.org',
      'leser2@example.org',
    ])
    // A's late report does not overwrite B's
    expect(
      await store.transaction((tx) =>
        tx.completeDelivery({
          sendId: 'versand-1',
          subscriberId: 'empfaenger-0001',
          workerId: 'prozess-a',
          at: clock.now.toISOString(),
          step: { status: 'failed', reason: 'zu spät' },
        }),
      ),
    ).toBe(false)
  })

  it('hält an und setzt fort; eine Ausgabe hat höchstens einen offenen Versand', async () => {
    const store = await openStore()
    await readersWithSend(store, 6)
    await expect(store.transaction((tx) => tx.insertSend(sendJob('versand-2')))).rejects.toThrow()
    const { server, mail } = await sink()
    const run = worker(store, mail, { now: start }, { batchSize: 2 }).runOnce
    await run()
    expect(
      await store.transaction((tx) => tx.setSendStatus('versand-1', ['running'], 'paused')),
    ).toBe(true)
    expect(await run()).toBe(0)
    expect(server.received).toHaveLength(2)
    await store.transaction((tx) => tx.setSendStatus('versand-1', ['paused'], 'running'))
    await drain(run)
    expect(server.received).toHaveLength(6)
  })
})

/** Two stores with their own connection pools on one PostgreSQL database, and a send to `recipients`. */
async function twoProcessesWithSend(recipients: number): Promise<[Store, Store]> {
  const config = await postgresConfig()
  const first = new DatabaseStore(await seededDatabase(config))
  const secondDb = await open(config)
  await subscribe(
    first,
    Array.from({ length: recipients }, (_, index) => subscriber(index)),
  )
  await first.transaction((tx) => tx.insertSend(sendJob()))
  return [first, new DatabaseStore(secondDb)]
}

describe.skipIf(!postgresUrl)('Versandwarteschlange: zwei Prozesse auf einem PostgreSQL', () => {
  it('teilen sich einen Versand, ohne dass eine Adresse zwei Nachrichten bekommt', async () => {
    const [first, second] = await twoProcessesWithSend(400)
    const { server, mail } = await sink()
    const finished: SendJob[] = []
    const clock = { now: start }
    const options = (workerId: string) => ({ workerId, batchSize: 20, finished })
    await Promise.all([
      drain(worker(first, mail, clock, options('prozess-a')).runOnce),
      drain(worker(second, mail, clock, options('prozess-b')).runOnce),
    ])
    const addresses = server.received.flatMap((item) => item.to)
    expect(addresses).toHaveLength(400)
    expect(new Set(addresses).size).toBe(400)
    expect(finished.map((send) => send.id)).toEqual(['versand-1'])
  })

  it('nehmen bei gleichzeitigem Zugriff keine Nachricht doppelt (FOR UPDATE SKIP LOCKED)', async () => {
    const [first, second] = await twoProcessesWithSend(300)
    const claim = (store: Store, workerId: string) =>
      store.transaction((tx) =>
        tx.claimDeliveries({
          workerId,
          now: start.toISOString(),
          limit: 10,
          leaseExpiredBefore: new Date(start.getTime() - 600_000).toISOString(),
        }),
      )
    const claimed: string[] = []
    for (let round = 0; round < 10; round++) {
      const batches = await Promise.all(
        [first, second, first, second].map((store, index) => claim(store, `prozess-${index}`)),
      )
      claimed.push(...batches.flat().map((delivery) => delivery.subscriber.id))
    }
    expect(claimed).toHaveLength(300)
    expect(new Set(claimed).size).toBe(300)
  })
})
