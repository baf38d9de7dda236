import { pino } from 'pino'
import { z } from 'zod'
import { createSeedMedia, createSeedState } from '../../mocks/seed/august-2018'
import { sharpImagePort } from '../../src/server/node/sharp-image-port'
import { readConfig } from '../../src/server/node/config'
import { startServer } from '../../src/server/node/server'
import type { StoreTx } from '../../src/server/store'
import { seedCredentials } from './seed-accounts'
import { seedDatabase } from './seed-database'
import { startSmtpSink } from './smtp-sink'

z.config(z.locales.de())

/**
 * The real server for tests, e2e and benchmarks: `npm start`'s server plus `POST /testing/reset`
 * (the August 2018 demo data with the seed accounts) and `POST /testing/write-delay?ms=`
 * (widens the window between reading and writing, to provoke races) and
 * `POST /testing/fail-next-transaction` (an unexpected error). For the Versand: a clock that
 * `POST /testing/clock?advanceMinutes=` moves on (so that a retry or a lease falls due without
 * waiting, the rules in src/domain/delivery.ts unchanged), `POST /testing/subscribers?count=`
 * (confirmed recipients `leser-0001@example.org` …), `GET /testing/sends/:id` (the stored message
 * and every delivery's state) and `GET /testing/mail-count` (messages this process handed to
 * SMTP). `RUNDBRIEF_TEST_SEND_POLL_MS` sets how often the idle send worker looks. For the
 * reminders: `POST /testing/clock-at?at=` sets the clock to an instant, `POST /testing/reminders`
 * runs a round now, `POST /testing/notification-settings` sets a person's address and switches.
 * Never shipped.
 */
/**
 * `RUNDBRIEF_TEST_SMTP_SINK=1` (the browser tests against the real server): an SMTP server in this
 * process receives what the server sends; `GET /testing/mails` lists it, `/testing/reset` empties it.
 */
const sink = process.env.RUNDBRIEF_TEST_SMTP_SINK === '1' ? await startSmtpSink() : null
if (sink) {
  process.env.SMTP_URL = sink.url
  process.env.MAIL_FROM ??= 'Stadt Gera – Dezernat Soziales <newsletter@gera.de>'
  process.env.PUBLIC_URL ??= `http://localhost:${process.env.PORT ?? '8080'}`
}
const config = readConfig()
const logger = pino({ level: config.logLevel })
let writeDelayMs = 0
let failNextTransaction = false
let clockOffsetMs = 0
let messagesHandedOver = 0
const now = () => new Date(Date.now() + clockOffsetMs)
const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms))

/** Holds every versioned write (and a thread's deletion) back, so that simultaneous requests all read before any writes. */
function delayWrites(tx: StoreTx): StoreTx {
  const delayed =
    <Args extends unknown[]>(write: (...args: Args) => Promise<boolean>) =>
    async (...args: Args) => {
      if (writeDelayMs > 0) await sleep(writeDelayMs)
      return write(...args)
    }
  return {
    ...tx,
    updateArticle: delayed(tx.updateArticle),
    updateIssue: delayed(tx.updateIssue),
    updatePublication: delayed(tx.updatePublication),
    deleteCommentThread: delayed(tx.deleteCommentThread),
  }
}

const server = await startServer(config, logger, {
  now,
  sendPollMs: Number(process.env.RUNDBRIEF_TEST_SEND_POLL_MS ?? '5000'),
  wrapMailPort: (port) => ({
    send: (message) => {
      messagesHandedOver++
      return port.send(message)
    },
    close: () => port.close(),
  }),
  wrapStore: (store) => ({
    transaction: (work) => {
      if (failNextTransaction) {
        failNextTransaction = false
        return Promise.reject(new Error('Absichtlicher Testfehler im Speicher'))
      }
      return store.transaction((tx) => work(delayWrites(tx)))
    },
  }),
  extend: (root, db, hooks) => {
    root.post('/testing/clock', async (c) => {
      clockOffsetMs += Number(c.req.query('advanceMinutes') ?? '0') * 60_000
      hooks.wakeSendWorker()
      return c.body(null, 204)
    })
    root.post('/testing/clock-at', async (c) => {
      clockOffsetMs = new Date(c.req.query('at') ?? '').getTime() - Date.now()
      return c.body(null, 204)
    })
    root.post('/testing/reminders', async (c) => c.json({ made: await hooks.runReminders() }))
    root.post('/testing/notification-settings', async (c) => {
      const settings = z
        .object({
          userId: z.string(),
          email: z.string().nullable(),
          emailEnabled: z.boolean(),
          remindersEnabled: z.boolean(),
        })
        .parse(await c.req.json())
      await db
        .updateTable('users')
        .set({
          email: settings.email,
          notify_by_email: settings.emailEnabled,
          reminders_enabled: settings.remindersEnabled,
        })
        .where('id', '=', settings.userId)
        .execute()
      return c.body(null, 204)
    })
    root.post('/testing/subscribers', async (c) => {
      const count = Number(c.req.query('count') ?? '0')
      const at = now().toISOString()
      const rows = Array.from({ length: count }, (_, index) => {
        const number = String(index + 1).padStart(4, '0')
        return {
          id: `leser-${number}`,
          email: `leser-${number}@example.org`,
          name: `Leser ${number}`,
          organisation: '',
          status: 'confirmed' as const,
          consent_version: '2026-12-01',
          requested_at: at,
          confirmed_at: at,
          unsubscribed_at: null,
        }
      })
      for (let start = 0; start < rows.length; start += 500)
        await db
          .insertInto('subscribers')
          .values(rows.slice(start, start + 500))
          .execute()
      return c.body(null, 204)
    })
    root.get('/testing/sends/:id', async (c) => {
      const send = await db
        .selectFrom('sends')
        .select('message')
        .where('id', '=', c.req.param('id'))
        .executeTakeFirst()
      const deliveries = await db
        .selectFrom('deliveries')
        .select([
          'subscriber_id as subscriberId',
          'status',
          'attempts',
          'last_error as reason',
          'claimed_by as claimedBy',
        ])
        .where('send_id', '=', c.req.param('id'))
        .orderBy('subscriber_id')
        .execute()
      return send ? c.json({ message: send.message, deliveries }) : c.notFound()
    })
    root.get('/testing/mail-count', (c) => c.json({ handedOver: messagesHandedOver }))
    root.post('/testing/fail-next-transaction', async (c) => {
      failNextTransaction = true
      return c.body(null, 204)
    })
    root.post('/testing/write-delay', async (c) => {
      writeDelayMs = Number(c.req.query('ms') ?? '0')
      return c.body(null, 204)
    })
    // What the upload memory test samples: after a full collection (when the process runs with
    // --expose-gc) the buffers still held, not garbage that waits for the collector.
    root.get('/testing/memory', (c) => {
      const collect = (globalThis as { gc?: () => void }).gc
      collect?.()
      return c.json({ ...process.memoryUsage(), collected: collect !== undefined })
    })
    root.get('/testing/mails', (c) =>
      c.json(
        (sink?.received ?? []).map(({ to, mail }) => ({
          to,
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          headers: mail.headerLines.map(({ line }) => line),
        })),
      ),
    )
    root.post('/testing/reset', async (c) => {
      sink?.received.splice(0)
      const state = createSeedState()
      const bytes = await createSeedMedia(state, sharpImagePort)
      await seedDatabase(db, state, bytes, await seedCredentials())
      writeDelayMs = 0
      return c.body(null, 204)
    })
  },
})
process.stdout.write(`RUNDBRIEF_URL=${server.url}\n`)
const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
