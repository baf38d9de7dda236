import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../mocks/memory-store'
import { createSeedState } from '../../mocks/seed/august-2018'
import type { SmtpOutcome } from '../domain/delivery'
import type { Subscriber } from '../domain/subscriber'
import type { MailPort, OutgoingMessage } from './mail/mail-port'
import { createSendWorker } from './send-worker'
import type { SendJob, Store } from './store'

const start = new Date('2026-12-02T08:00:00.000Z')

const reader = (index: number): Subscriber => ({
  id: `leser-${String(index).padStart(3, '0')}`,
  email: `leser-${index}@example.org`,
  name: '',
  organisation: '',
  status: 'confirmed',
  consentVersion: '2026-12-01',
  requestedAt: start.toISOString(),
  confirmedAt: start.toISOString(),
  unsubscribedAt: null,
})

const send: SendJob = {
  id: 'versand-1',
  issueId: 'ausgabe-2018-08',
  status: 'running',
  scheduledAt: start.toISOString(),
  createdAt: start.toISOString(),
  createdBy: 'sandra-wanzar',
  finishedAt: null,
  message: { subject: 'Betreff', from: 'a@gera.de', html: '<p>x</p>', text: 'x', fingerprint: 'f' },
}

/** A memory store that counts transactions and the deliveries completed in each. */
async function countingStore(readers: number) {
  const inner = new MemoryStore(createSeedState())
  await inner.transaction(async (tx) => {
    for (let index = 1; index <= readers; index++) await tx.insertSubscriber(reader(index))
    await tx.insertSend(send)
  })
  const completionsPerTransaction: number[] = []
  const store: Store = {
    transaction: (work) =>
      inner.transaction(async (tx) => {
        let completed = 0
        const result = await work({
          ...tx,
          completeDelivery: (done) => {
            completed++
            return tx.completeDelivery(done)
          },
        })
        if (completed > 0) completionsPerTransaction.push(completed)
        return result
      }),
  }
  return { store, inner, completionsPerTransaction }
}

const accepting = (onSend: (message: OutgoingMessage) => void = () => {}): MailPort => ({
  async send(message): Promise<SmtpOutcome> {
    onSend(message)
    await new Promise((resolve) => setTimeout(resolve, 1))
    return { kind: 'accepted' }
  },
  async close() {},
})

const compose = (job: SendJob, recipient: { id: string; email: string }): OutgoingMessage => ({
  from: job.message.from,
  to: recipient.email,
  subject: job.message.subject,
  html: job.message.html,
  text: job.message.text,
  messageId: `<${job.id}.${recipient.id}@gera.de>`,
  headers: {},
})

describe('Sendeprozess', () => {
  it('hält die Ergebnisse mehrerer Nachrichten in einer Transaktion fest, nicht eine je Nachricht', async () => {
    const { store, inner, completionsPerTransaction } = await countingStore(45)
    const finished: SendJob[] = []
    const worker = createSendWorker({
      store,
      mail: accepting(),
      now: () => start,
      workerId: 'prozess-a',
      batchSize: 50,
      parallel: 5,
      completionBatch: 20,
      compose,
      onSendFinished: async (_tx, job) => void finished.push(job),
    })
    expect(await worker.runOnce()).toBe(45)
    expect(completionsPerTransaction.reduce((sum, count) => sum + count, 0)).toBe(45)
    expect(Math.max(...completionsPerTransaction)).toBeLessThanOrEqual(20)
    expect(completionsPerTransaction.length).toBeLessThanOrEqual(4)
    const counts = await inner.transaction((tx) => tx.deliveryCounts(send.id))
    expect(counts).toMatchObject({ sent: 45, sending: 0, pending: 0 })
    expect(finished.map((job) => job.id)).toEqual(['versand-1'])
  })

  it('markiert einen Versand nur zusammen mit seinem Abschluss als fertig: scheitert der Abschluss, holt die nächste Runde ihn nach', async () => {
    const { store, inner } = await countingStore(3)
    const finished: SendJob[] = []
    let failures = 1
    const worker = createSendWorker({
      store,
      mail: accepting(),
      now: () => start,
      workerId: 'prozess-a',
      compose,
      onSendFinished: async (_tx, job) => {
        // the process stops while it marks the issue versendet
        if (failures-- > 0) throw new Error('Prozess beendet')
        finished.push(job)
      },
    })
    await expect(worker.runOnce()).rejects.toThrow('Prozess beendet')
    expect((await inner.transaction((tx) => tx.getSend(send.id)))?.status).toBe('running')
    await worker.runOnce()
    expect(finished.map((job) => job.id)).toEqual(['versand-1'])
    expect((await inner.transaction((tx) => tx.getSend(send.id)))?.status).toBe('done')
  })

  it('hält ein Ergebnis spätestens nach der Wartezeit fest, auch wenn die Nachrichten langsam gehen', async () => {
    const { store, inner } = await countingStore(3)
    let sent = 0
    let release: () => void = () => {}
    const third = new Promise<void>((resolve) => (release = resolve))
    const worker = createSendWorker({
      store,
      mail: {
        async send() {
          sent++
          if (sent === 3) await third
          return { kind: 'accepted' }
        },
        async close() {},
      },
      now: () => start,
      workerId: 'prozess-a',
      parallel: 1,
      completionBatch: 20,
      completionDelayMs: 10,
      compose,
    })
    const round = worker.runOnce()
    await new Promise((resolve) => setTimeout(resolve, 60))
    // the third message hangs at the SMTP server; the first two are recorded meanwhile
    expect(await inner.transaction((tx) => tx.deliveryCounts(send.id))).toMatchObject({
      sent: 2,
      sending: 1,
    })
    release()
    await round
    expect(await inner.transaction((tx) => tx.deliveryCounts(send.id))).toMatchObject({ sent: 3 })
  })

  it('meldet ein Ergebnis, das nicht festgehalten werden konnte, am Ende der Runde', async () => {
    const { store, inner } = await countingStore(5)
    const failing: Store = {
      transaction: (work) =>
        store.transaction((tx) =>
          work({
            ...tx,
            completeDelivery: () => Promise.reject(new Error('Datenbank nicht erreichbar')),
          }),
        ),
    }
    const worker = createSendWorker({
      store: failing,
      mail: accepting(),
      now: () => start,
      workerId: 'prozess-a',
      completionBatch: 2,
      compose,
    })
    await expect(worker.runOnce()).rejects.toThrow('Datenbank nicht erreichbar')
    // nothing is marked: the deliveries stay taken and are sent again only after the lease
    expect(await inner.transaction((tx) => tx.deliveryCounts(send.id))).toMatchObject({
      sending: 5,
    })
  })
})
