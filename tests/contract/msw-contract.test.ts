import { afterAll, beforeAll } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { defineContractSuite } from './contract-suite'
import { outboxMailTarget } from './versand-contract'

/** The handler's clock runs ahead by this much once a test has moved it on. */
let clockOffsetMs = 0
const testServer = createTestServer({ mail: true, now: () => new Date(Date.now() + clockOffsetMs) })
const seedUserIds = { editor: 'frank-ruehling', head: 'sandra-wanzar', designer: 'jana-krause' }

beforeAll(() => testServer.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => testServer.server.close())

defineContractSuite('Demo-Backend über MSW', {
  baseUrl: testServer.apiBaseUrl,
  reset: () => testServer.reset(),
  signIn: async (backend, role) => (await backend.login(seedUserIds[role])).token,
  mail: outboxMailTarget(testServer),
  advanceClock: async (minutes) => {
    clockOffsetMs += minutes * 60_000
  },
})
