import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { ApiError } from '../../src/backend/api-error'
import { createHttpBackend } from '../../src/backend/http-backend'
import { consent } from '../../src/domain/sending'

let now = new Date('2026-12-01T09:00:00Z')
const testServer = createTestServer({ mail: true, now: () => now })
const anonymous = createHttpBackend({ baseUrl: testServer.apiBaseUrl, getToken: () => null })
const hours = (count: number) => new Date(now.getTime() + count * 3_600_000)

beforeAll(() => testServer.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => testServer.server.close())
beforeEach(async () => {
  now = new Date('2026-12-01T09:00:00Z')
  await testServer.reset()
})

const subscribe = (email: string) =>
  anonymous.subscribe({ email, consent: true, consentVersion: consent.version })

const confirmationToken = async (email: string) => {
  const mail = (await testServer.outbox()).find((message) => message.to === email)
  return /\/abonnieren\/bestaetigen\/([^\s"<]+)/.exec(mail?.text ?? '')?.[1] ?? ''
}

const pendingAddresses = async () =>
  (await testServer.store.transaction((tx) => tx.listSubscribers({ status: 'pending' }))).map(
    (subscriber) => subscriber.email,
  )

describe('Bestätigungslink der Anmeldung', () => {
  it('gilt 48 Stunden; danach 410 und eine neue Anmeldung schickt einen neuen Link', async () => {
    await subscribe('spaet@example.org')
    const oldToken = await confirmationToken('spaet@example.org')
    now = hours(48)
    const error = await anonymous.confirmSubscription(oldToken).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(410)
    expect((error as ApiError).message).toMatch(/abgelaufen/)

    await subscribe('spaet@example.org')
    const newToken = await confirmationToken('spaet@example.org')
    expect(newToken).not.toBe(oldToken)
    await expect(anonymous.confirmSubscription(oldToken)).rejects.toMatchObject({ status: 404 })
    expect(await anonymous.confirmSubscription(newToken)).toEqual({ email: 'spaet@example.org' })
  })

  it('löscht nie bestätigte Anmeldungen nach sieben Tagen, bestätigte bleiben', async () => {
    await subscribe('vergessen@example.org')
    await subscribe('bestaetigt@example.org')
    await anonymous.confirmSubscription(await confirmationToken('bestaetigt@example.org'))
    now = hours(7 * 24 - 1)
    await subscribe('neu@example.org')
    expect(await pendingAddresses()).toEqual(['neu@example.org', 'vergessen@example.org'])
    now = hours(2)
    await subscribe('noch-einer@example.org')
    expect(await pendingAddresses()).toEqual(['neu@example.org', 'noch-einer@example.org'])
    const confirmed = await testServer.store.transaction((tx) =>
      tx.listSubscribers({ status: 'confirmed' }),
    )
    expect(confirmed.map((subscriber) => subscriber.email)).toEqual(['bestaetigt@example.org'])
  })
})
