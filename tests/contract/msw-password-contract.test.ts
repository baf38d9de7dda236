import { afterAll, beforeAll } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { verifyPassword } from '../../src/server/node/passwords'
import { seedAccounts, seedCredentials } from '../server/seed-accounts'
import { defineContractSuite } from './contract-suite'
import { outboxMailTarget } from './versand-contract'

/** The handler's clock runs ahead by this much once a test has moved it on. */
let clockOffsetMs = 0
const testServer = createTestServer({
  signIn: { method: 'password', verifyPassword, clientAddress: () => '192.0.2.1' },
  credentials: seedCredentials,
  mail: true,
  now: () => new Date(Date.now() + clockOffsetMs),
})

beforeAll(() => testServer.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => testServer.server.close())

defineContractSuite('Handler mit Passwort-Anmeldung über MSW', {
  baseUrl: testServer.apiBaseUrl,
  reset: () => testServer.reset(),
  passwords: seedAccounts,
  signIn: async (backend, role) =>
    (await backend.loginWithPassword(seedAccounts[role].login, seedAccounts[role].password)).token,
  mail: outboxMailTarget(testServer),
  advanceClock: async (minutes) => {
    clockOffsetMs += minutes * 60_000
  },
})
