import { setupServer } from 'msw/node'
import { createApp, type AppOptions } from '../src/server/app'
import { noFaults, type Faults } from './faults'
import { apiHandlers } from './handlers'
import { MemoryStore } from './memory-store'
import { createSeedMedia, createSeedState } from './seed/august-2018'

/** Origin under which tests reach the demo backend through MSW in Node. */
export const testApiOrigin = 'http://rundbrief.test'

/** A demo backend for tests: fresh seed data per `reset()`, fault knobs, MSW in Node. */
export function createTestServer(options: Omit<AppOptions, 'store'> = {}) {
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
      store = new MemoryStore(state, bytes)
      faults = noFaults
    },
    setFaults(next: Partial<Faults>) {
      faults = { ...noFaults, ...next }
    },
  }
}
