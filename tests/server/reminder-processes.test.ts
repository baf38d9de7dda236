import { afterAll, describe, expect, it } from 'vitest'
import { postgresForTests } from './postgres-available'
import { createDatabase } from './postgres-cluster'
import { sendTo, signInOn } from './server-api'
import { mailEnvironment } from './server-contract'
import { startSmtpSink } from './smtp-sink'
import { spawnServer, type SpawnedServer } from './spawn-server'

/*
 * Reminders with two server processes on one PostgreSQL: both run the round at the same instant,
 * over and over; each reminder is made once and its e-mail reaches the SMTP server of the test
 * once, and only for a person who has e-mail on.
 */

const postgresUrl = postgresForTests()
/** Friday 10 August 2018, 12:00 in Berlin: 3 days before the seed issue's Redaktionsschluss. */
const threeDaysBefore = '2018-08-10T10:00:00.000Z'
/** Sunday 12 August 2018, 12:00 in Berlin. */
const oneDayBefore = '2018-08-12T10:00:00.000Z'

const post = (server: SpawnedServer, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  })

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > until) throw new Error(`Gewartet auf: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.skipIf(!postgresUrl)('Erinnerungen: zwei Prozesse auf einem PostgreSQL', () => {
  const stops: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop()
  })

  it('machen jede Erinnerung einmal und senden ihre E-Mail einmal, nur an wen E-Mail eingeschaltet hat', async () => {
    const sink = await startSmtpSink()
    stops.push(sink.close)
    const url = await createDatabase(postgresUrl ?? '', 'rundbrief_erinnerungen')
    const env = { ...mailEnvironment(sink.url), REMINDER_INTERVAL_SECONDS: '3600' }
    const first = await spawnServer({ kind: 'postgres', url }, env)
    stops.push(first.stop)
    // the second process starts after the first has migrated the schema
    const second = await spawnServer({ kind: 'postgres', url }, env)
    stops.push(second.stop)
    await first.reset()
    const servers = [first, second]
    for (const [userId, email] of [
      ['frank-ruehling', 'frank.ruehling@gera.de'],
      ['sandra-wanzar', 'sandra.wanzar@gera.de'],
    ])
      await post(first, '/testing/notification-settings', {
        userId,
        email,
        emailEnabled: true,
        remindersEnabled: true,
      })

    const roundsAt = async (at: string) => {
      for (const server of servers) await post(server, `/testing/clock-at?at=${at}`)
      let made = 0
      for (let round = 0; round < 5; round++) {
        const answers = await Promise.all(
          servers.flatMap((server) => [
            post(server, '/testing/reminders'),
            post(server, '/testing/reminders'),
          ]),
        )
        for (const answer of answers) made += ((await answer.json()) as { made: number }).made
      }
      return made
    }

    expect(await roundsAt(threeDaysBefore)).toBe(1)
    await waitFor(() => sink.received.length >= 1, 'die E-Mail der Erinnerung')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(sink.received.map((message) => message.to)).toEqual([['frank.ruehling@gera.de']])
    const [message] = sink.received
    expect(message?.mail.subject).toBe(
      'Redaktionsschluss für „August 2018“ in 3 Tagen: 2 Beiträge sind noch nicht fertig',
    )
    expect(message?.mail.text).toContain('http://localhost:8080/ausgaben/ausgabe-2018-08')

    // Frank Rühling switches e-mail off: the 1-day reminder comes in the bell only
    const token = await signInOn(second, 'editor')
    const put = await sendTo(second, token, 'PUT', '/me/notification-settings', {
      emailEnabled: false,
      remindersEnabled: true,
    })
    expect(put.status).toBe(200)
    expect(await roundsAt(oneDayBefore)).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(sink.received).toHaveLength(1)

    // the clock jumped two days: a new session
    const response = await sendTo(first, await signInOn(first, 'editor'), 'GET', '/notifications')
    const list = (await response.json()) as {
      notifications: { kind: string; text: string }[]
    }
    expect(response.status, JSON.stringify(list)).toBe(200)
    expect(list.notifications.map((notification) => notification.text)).toEqual([
      'Redaktionsschluss für „August 2018“ morgen: 2 Beiträge sind noch nicht fertig',
      'Redaktionsschluss für „August 2018“ in 3 Tagen: 2 Beiträge sind noch nicht fertig',
    ])
  })
})
