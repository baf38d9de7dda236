import type { ParsedMail } from 'mailparser'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { sendBatchSize } from '../../src/server/node/server'
import { defaultCompletionBatch } from '../../src/server/send-worker'
import { unsubscribeUrlPlaceholder } from '../../src/server/mail/compose-issue-message'
import {
  createUnsubscribeToken,
  readUnsubscribeToken,
} from '../../src/server/mail/unsubscribe-token'
import { postgresForTests } from './postgres-available'
import { createDatabase } from './postgres-cluster'
import {
  addReaders,
  advanceClock,
  approveSeedIssue,
  backendOn,
  readerAddress,
  readerId,
  sendNow,
  storedSend,
  waitForSend,
} from './send-journey'
import { startSmtpSink, type RecipientAnswer } from './smtp-sink'
import {
  spawnServer,
  temporaryDataDir,
  type ServerDatabase,
  type SpawnedServer,
} from './spawn-server'

/*
 * The Versand on the real server: the approved seed issue through the send worker of each
 * server process to the SMTP server in this test process (smtp-server), read back by mailparser.
 */

const secret = 'rundbrief-versandtest-'.padEnd(48, 'x')
const publicUrl = 'https://rundbrief.gera.de'
const poolSize = 5

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
const dataDirs: (() => void)[] = []
afterAll(() => dataDirs.forEach((remove) => remove()))

function pgliteDatabase(): ServerDatabase {
  const data = temporaryDataDir()
  dataDirs.push(data.remove)
  return { kind: 'pglite', dataDir: data.dataDir }
}

async function startMailingServer(
  database: ServerDatabase,
  smtpUrl: string,
  env: Record<string, string> = {},
): Promise<SpawnedServer> {
  const server = await spawnServer(database, {
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Stadt Gera – Dezernat Soziales <jugend.soziales@gera.de>',
    PUBLIC_URL: publicUrl,
    SMTP_RATE_PER_MINUTE: '600000',
    SMTP_POOL_SIZE: String(poolSize),
    MAIL_SECRET: secret,
    RUNDBRIEF_TEST_SEND_POLL_MS: '200',
    ...env,
  })
  cleanups.push(() => server.stop())
  return server
}

/** A header as sent, continuation lines joined (RFC 5322, 2.2.3). */
function header(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((entry) => entry.key === name.toLowerCase())?.line ?? ''
  return line.replace(/\r?\n[ \t]+/g, ' ').replace(/^[^:]+:\s*/, '')
}

/** How many messages each envelope address received. */
function messagesPerAddress(received: { to: string[] }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const message of received)
    for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1)
  return counts
}

const personalLink = /https:\/\/rundbrief\.gera\.de\/abmelden\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g
const lines = (text: string) => text.replace(/\r\n/g, '\n').trimEnd()

/** The one-click unsubscribe a mail provider sends (RFC 8058): a form POST, no sign-in. */
async function oneClick(url: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  })
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > until) throw new Error(`Gewartet auf: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('Versand über SMTP (Node-Server)', () => {
  it('sendet die freigegebene Ausgabe an 1.000 Empfänger: jede Adresse genau eine Nachricht, die freigegebene Darstellung mit eigenem Abmeldelink', async () => {
    const sink = await startSmtpSink()
    cleanups.push(sink.close)
    const server = await startMailingServer(pgliteDatabase(), sink.url)
    await server.reset()
    await addReaders(server, 1000)
    const [editor, head] = await Promise.all([
      backendOn(server, 'editor'),
      backendOn(server, 'head'),
    ])
    await approveSeedIssue(editor, head)
    const preview = await head.getSendPreview('ausgabe-2018-08')
    expect(preview).toMatchObject({ recipientCount: 1000, blocker: null })

    const started = await sendNow(head)
    const progress = await waitForSend(head, started.id)
    expect(progress.counts).toMatchObject({ sent: 1000, failed: 0, pending: 0, sending: 0 })
    expect((await head.getIssue('ausgabe-2018-08')).status).toBe('published')

    const perAddress = messagesPerAddress(sink.received)
    expect(perAddress.size).toBe(1000)
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true)
    for (let number = 1; number <= 1000; number++)
      expect(perAddress.get(readerAddress(number))).toBe(1)

    const stored = await storedSend(server, started.id)
    expect(stored.message.fingerprint).toBe(preview.fingerprint)
    expect(stored.message.html).toContain('Nachrichten aus dem Dezernat Soziales')
    const messageIds = new Set<string>()
    for (const { to, mail } of sink.received) {
      const recipientId = readerId(Number(/leser-(\d+)@/.exec(to[0] ?? '')?.[1]))
      expect(mail.subject).toBe(stored.message.subject)
      expect(stored.message.from).toBe('Stadt Gera – Dezernat Soziales <jugend.soziales@gera.de>')
      expect(mail.from?.value).toEqual([
        { name: 'Stadt Gera – Dezernat Soziales', address: 'jugend.soziales@gera.de' },
      ])
      messageIds.add(mail.messageId ?? '')

      // one-click and mailto unsubscribe, the list's identity
      const unsubscribe = header(mail, 'List-Unsubscribe')
      const [, httpsUrl, mailto] = /^<(https:[^>]+)>,\s*<(mailto:[^>]+)>$/.exec(unsubscribe) ?? []
      expect(httpsUrl).toMatch(/^https:\/\/rundbrief\.gera\.de\//)
      expect(mailto).toMatch(/^mailto:jugend\.soziales@gera\.de\?subject=Abmelden$/)
      expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
      // the name encoded (RFC 2047), the list's identity as it is (RFC 2919)
      expect(header(mail, 'List-Id')).toBe(
        '=?UTF-8?Q?Stadt_Gera_=E2=80=93_Dezernat_Soziales?= <newsletter.rundbrief.gera.de>',
      )

      // the approved rendering, apart from the recipient's own link
      expect(typeof mail.html).toBe('string')
      expect(typeof mail.text).toBe('string')
      const html = lines(mail.html || '')
      const links = [...html.matchAll(personalLink)].map((match) => match[1] ?? '')
      expect(links.length).toBeGreaterThan(0)
      for (const token of links) expect(await readUnsubscribeToken(secret, token)).toBe(recipientId)
      expect(html.replace(personalLink, unsubscribeUrlPlaceholder)).toBe(lines(stored.message.html))
      expect(lines(mail.text ?? '').replace(personalLink, unsubscribeUrlPlaceholder)).toBe(
        lines(stored.message.text),
      )
      expect(unsubscribe).toContain(links[0])
    }
    expect(messageIds.size).toBe(1000)

    // the header's one-click address works as mail providers call it
    const first = sink.received[0]
    const firstUrl = /^<(https:[^>]+)>/.exec(header(first!.mail, 'List-Unsubscribe'))?.[1] ?? ''
    const unsubscribed = await oneClick(firstUrl.replace(publicUrl, server.url))
    expect(unsubscribed.status).toBe(200)
    const [signedOff] = await editor.listRecipients({ q: first!.to[0] })
    expect(signedOff?.status).toBe('unsubscribed')
  }, 120_000)

  it('setzt den Versand nach SIGKILL fort: der Rest geht hinaus, Doppelte nur aus dem Flug, Abgemeldete bekommen nichts mehr', async () => {
    const sink = await startSmtpSink()
    cleanups.push(sink.close)
    const database = pgliteDatabase()
    // 200 messages a second: the kill falls in the middle of the send
    const env = { SMTP_RATE_PER_MINUTE: '12000' }
    const first = await startMailingServer(database, sink.url, env)
    await first.reset()
    await addReaders(first, 400)
    const [editor, head] = await Promise.all([backendOn(first, 'editor'), backendOn(first, 'head')])
    await approveSeedIssue(editor, head)
    const started = await sendNow(head)

    await waitFor(() => sink.received.length >= 50, '50 Nachrichten')
    // the last in the queue unsubscribes while the send is under way
    const lastToken = await createUnsubscribeToken(secret, readerId(400))
    expect(
      (await oneClick(`${first.apiBaseUrl}/subscription/unsubscribe/${lastToken}`)).status,
    ).toBe(200)
    await waitFor(() => sink.received.length >= 150, '150 Nachrichten')
    await first.kill()
    const receivedBeforeKill = sink.received.length
    const beforeKill = messagesPerAddress(sink.received)
    expect(beforeKill.size).toBeLessThan(399)

    const second = await startMailingServer(database, sink.url, env)
    const headAgain = await backendOn(second, 'head')
    // taken by the killed process: one of them unsubscribes before the lease lets anyone take it again
    const killedWorker = `:${first.process.pid}:`
    const inFlight = (await storedSend(second, started.id)).deliveries.filter(
      (delivery) => delivery.status === 'sending' && delivery.claimedBy?.includes(killedWorker),
    )
    expect(inFlight.length).toBeGreaterThan(0)
    expect(inFlight.length).toBeLessThanOrEqual(sendBatchSize({ perMinute: 12000, poolSize }))
    const unsentInFlight = inFlight.find(
      (delivery) => !beforeKill.has(`${delivery.subscriberId}@example.org`),
    )
    const unsubscribedLater = unsentInFlight?.subscriberId ?? readerId(399)
    const laterToken = await createUnsubscribeToken(secret, unsubscribedLater)
    expect(
      (await oneClick(`${second.apiBaseUrl}/subscription/unsubscribe/${laterToken}`)).status,
    ).toBe(200)
    // the lease of the killed process runs out (10 minutes on the server's clock)
    await advanceClock(second, 11)
    const progress = await waitForSend(headAgain, started.id)
    expect(progress.counts).toMatchObject({ sent: 398, skipped: 2, failed: 0, pending: 0 })

    const perAddress = messagesPerAddress(sink.received)
    for (let number = 1; number <= 398; number++) {
      const address = readerAddress(number)
      if (readerId(number) === unsubscribedLater) continue
      expect(perAddress.get(address), address).toBeGreaterThanOrEqual(1)
    }
    expect(perAddress.get(readerAddress(400)) ?? 0).toBe(0)
    expect(perAddress.get(`${unsubscribedLater}@example.org`) ?? 0).toBe(
      beforeKill.get(`${unsubscribedLater}@example.org`) ?? 0,
    )
    // duplicates: only messages accepted by SMTP but not yet recorded when the process died: at
    // most two completion batches and one per connection (docs/decisions/0009-send-queue.md)
    const duplicates = [...perAddress].filter(([, count]) => count > 1)
    console.info(
      `SIGKILL nach ${receivedBeforeKill} Nachrichten, ${inFlight.length} im Flug, ${duplicates.length} doppelt`,
    )
    expect(duplicates.length).toBeLessThanOrEqual(2 * defaultCompletionBatch + poolSize)
    for (const [address, count] of duplicates) {
      expect(count).toBe(2)
      expect(beforeKill.get(address)).toBe(1)
      expect(inFlight.map((delivery) => `${delivery.subscriberId}@example.org`)).toContain(address)
    }
  }, 120_000)

  it('gibt endgültig abgelehnte Adressen mit Grund auf und stellt vorübergehend abgelehnte später zu', async () => {
    const refusal = (address: string, attempt: number): RecipientAnswer => {
      const number = Number(/leser-(\d+)@/.exec(address)?.[1] ?? '0')
      if (number % 10 === 0) return { code: 550, message: '5.1.1 Mailbox unavailable' }
      if (number % 10 === 5 && attempt === 1)
        return { code: 451, message: '4.7.1 Greylisted, try again later' }
      return 'accept'
    }
    const sink = await startSmtpSink(refusal)
    cleanups.push(sink.close)
    const server = await startMailingServer(pgliteDatabase(), sink.url)
    await server.reset()
    await addReaders(server, 200)
    const [editor, head] = await Promise.all([
      backendOn(server, 'editor'),
      backendOn(server, 'head'),
    ])
    await approveSeedIssue(editor, head)
    const started = await sendNow(head)

    // first pass: 160 accepted, 20 refused for good, 20 waiting for their retry in a minute
    const firstPass = await waitForSend(
      head,
      started.id,
      (progress) => progress.counts.sent + progress.counts.failed === 180,
    )
    expect(firstPass.counts).toMatchObject({ sent: 160, failed: 20, pending: 20 })
    expect(firstPass.status).toBe('running')
    const failed = firstPass.failures.filter((failure) => failure.status === 'failed')
    const waiting = firstPass.failures.filter((failure) => failure.status === 'pending')
    expect(failed).toHaveLength(20)
    expect(waiting).toHaveLength(20)
    for (const failure of failed) {
      expect(failure.email).toMatch(/leser-\d+0@example\.org/)
      expect(failure.reason).toBe(
        'Das Postfach existiert nicht oder nimmt nichts an (550 5.1.1 Mailbox unavailable).',
      )
    }
    for (const failure of waiting) {
      expect(failure.email).toMatch(/leser-\d+5@example\.org/)
      expect(failure.reason).toMatch(/^Der Mailserver hat die Nachricht vorübergehend abgelehnt/)
    }

    // nothing is retried before its time …
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect((await head.getSend(started.id)).counts).toMatchObject({ sent: 160, pending: 20 })
    // … and after the first retry delay (1 minute on the server's clock) the greylisted go out
    await advanceClock(server, 2)
    const done = await waitForSend(head, started.id)
    expect(done.counts).toMatchObject({ sent: 180, failed: 20, pending: 0, sending: 0 })
    expect(done.failures.filter((failure) => failure.status === 'failed')).toHaveLength(20)
    expect(done.failures.some((failure) => failure.status === 'pending')).toBe(false)

    const perAddress = messagesPerAddress(sink.received)
    expect(perAddress.size).toBe(180)
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true)
    // permanent ones were asked once, never again; temporary ones twice
    const deliveries = (await storedSend(server, started.id)).deliveries
    for (const delivery of deliveries) {
      const number = Number(/leser-(\d+)/.exec(delivery.subscriberId)?.[1])
      const expected =
        number % 10 === 0 ? ['failed', 1] : number % 10 === 5 ? ['sent', 2] : ['sent', 1]
      expect([delivery.status, delivery.attempts], delivery.subscriberId).toEqual(expected)
    }
  }, 120_000)

  const postgresUrl = postgresForTests()
  it.skipIf(!postgresUrl)(
    'teilt einen Versand zwischen zwei Server-Prozessen auf einer PostgreSQL: keine Adresse bekommt zwei Nachrichten',
    async () => {
      const sink = await startSmtpSink()
      cleanups.push(sink.close)
      const database: ServerDatabase = {
        kind: 'postgres',
        url: await createDatabase(postgresUrl ?? '', 'rundbrief_versand_zwei_prozesse'),
      }
      // 500 messages a second each: long enough for both to take part
      const env = { SMTP_RATE_PER_MINUTE: '30000' }
      const first = await startMailingServer(database, sink.url, env)
      await first.reset()
      const second = await startMailingServer(database, sink.url, env)
      await addReaders(first, 600)
      const [editor, head] = await Promise.all([
        backendOn(first, 'editor'),
        backendOn(first, 'head'),
      ])
      await approveSeedIssue(editor, head)
      const started = await sendNow(head)
      const progress = await waitForSend(await backendOn(second, 'head'), started.id)
      expect(progress.counts).toMatchObject({ sent: 600, failed: 0 })

      const perAddress = messagesPerAddress(sink.received)
      expect(perAddress.size).toBe(600)
      expect([...perAddress.values()].every((count) => count === 1)).toBe(true)
      const handedOver = await Promise.all(
        [first, second].map(async (server) => {
          const response = await fetch(`${server.url}/testing/mail-count`)
          return ((await response.json()) as { handedOver: number }).handedOver
        }),
      )
      console.info(`Zwei Prozesse: ${handedOver.join(' + ')} Nachrichten`)
      expect(handedOver[0]).toBeGreaterThan(0)
      expect(handedOver[1]).toBeGreaterThan(0)
      expect((handedOver[0] ?? 0) + (handedOver[1] ?? 0)).toBe(600)
    },
    120_000,
  )
})
