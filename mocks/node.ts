import { setupServer } from 'msw/node'
import { createApp, type AppOptions } from '../src/server/app'
import type { Credential } from '../src/server/store'
import { noFaults, type Faults } from './faults'
import { apiHandlers } from './handlers'
import { MemoryStore } from './memory-store'
import { createSeedMedia, createSeedState } from './seed/august-2018'

/** Origin under which tests reach the demo backend through MSW in Node. */
export const testApiOrigin = 'http://rundbrief.test'

interface TestServerOptions extends Omit<AppOptions, 'store'> {
  /** Accounts for password sign-in (with `signIn: { method: 'password', … }`). */
  credentials?: () => Promise<Credential[]>
}

/** A demo backend for tests: fresh seed data per `reset()`, fault knobs, MSW in Node. */
export function createTestServer({ credentials, ...options }: TestServerOptions = {}) {
  let faults: Faults = noFaults
  let store = new MemoryStore(createSeedState())
  const app = createApp({
    ...options,
    store: { transaction: (work) => store.transaction(work) },
  })
  const server = setupServer(...apiHandlers(app, () => faults, testApiOrigin))
  return {
    server,
    apiBaseUrl: `${testApiOrigin}/api`,
    /** The store behind the handler, for assertions on what was saved. */
    get store() {
      return store
    },
    /** Restores the August 2018 seed (placeholder photos included) and clears the fault knobs. */
    async reset() {
      const state = createSeedState()
      const bytes = await createSeedMedia(state)
      if (credentials) state.credentials = await credentials()
      store = new MemoryStore(state, bytes)
      faults = noFaults
    },
    setFaults(next: Partial<Faults>) {
      faults = { ...noFaults, ...next }
    },
  }
}
