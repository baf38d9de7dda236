import { afterAll, beforeAll } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { defineContractSuite } from './contract-suite'

const testServer = createTestServer()
const seedUserIds = { editor: 'frank-ruehling', head: 'sandra-wanzar', designer: 'jana-krause' }

beforeAll(() => testServer.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => testServer.server.close())

defineContractSuite('Demo-Backend über MSW', {
  baseUrl: testServer.apiBaseUrl,
  reset: () => testServer.reset(),
  signIn: async (backend, role) => (await backend.login(seedUserIds[role])).token,
})
